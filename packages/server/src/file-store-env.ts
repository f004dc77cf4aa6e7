import type { S3StoreSettings } from "./files/s3-file-store.js";

/**
 * Which file store the configuration asks for. `auto` (FILE_STORE unset) is decided when the server opens its
 * store (`openFileStore`): PostgreSQL with DATABASE_URL, unless DATA_DIR/files already holds files; disk otherwise.
 */
export type FileStoreSetting =
  | { kind: "auto" }
  | { kind: "disk" }
  | { kind: "postgres" }
  | { kind: "s3"; s3: S3StoreSettings };

const S3_VARIABLES = [
  "S3_ENDPOINT",
  "S3_REGION",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
];

/** Bucket names as S3 allows them (3–63 lowercase letters, digits, dots, hyphens); OSS and MinIO follow. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads FILE_STORE and the S3_* variables; returns the setting, or the problems as `VARIABLE: 说明` lines for
 * `loadConfig` to report with the rest.
 */
export function parseFileStoreEnv(env: NodeJS.ProcessEnv): { setting: FileStoreSetting; problems: string[] } {
  const problems: string[] = [];
  const raw = env.FILE_STORE?.trim() ?? "";
  const hasDatabaseUrl = Boolean(env.DATABASE_URL?.trim());
  const strayS3 = S3_VARIABLES.filter((v) => env[v]?.trim());
  if (!raw.startsWith("s3://") && strayS3.length > 0)
    problems.push(
      `${strayS3.join("、")}: 只在 FILE_STORE=s3://存储桶/前缀 时使用；要使用对象存储请设置 FILE_STORE，否则请删除这些变量`,
    );
  if (raw === "") return { setting: { kind: "auto" }, problems };
  if (raw === "disk") return { setting: { kind: "disk" }, problems };
  if (raw === "postgres") {
    if (!hasDatabaseUrl)
      problems.push(
        "FILE_STORE: postgres 表示把文件存入 PostgreSQL，需要同时设置 DATABASE_URL；使用内置数据库时请设为 disk 或不设",
      );
    return { setting: { kind: "postgres" }, problems };
  }
  if (!raw.startsWith("s3://")) {
    problems.push(
      `FILE_STORE: “${raw}”无效；可选 disk（本机磁盘）、postgres（存入数据库）或 s3://存储桶/前缀（对象存储）`,
    );
    return { setting: { kind: "auto" }, problems };
  }
  const [bucket = "", ...rest] = raw.slice("s3://".length).split("/");
  const prefix = rest.filter(Boolean).join("/");
  if (!BUCKET.test(bucket))
    problems.push(
      `FILE_STORE: “${bucket}”不是有效的存储桶名（3–63 个小写字母、数字、点或连字符），应写成 s3://duban-files 或 s3://duban-files/前缀`,
    );
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint))
    problems.push(
      `S3_ENDPOINT: “${endpoint}”应是对象存储服务的地址，如 https://oss-cn-north-1.example.gov.cn 或 http://127.0.0.1:9000`,
    );
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() ?? "";
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() ?? "";
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    problems.push("S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY: 两者须同时设置（或都不设，使用服务器的实例角色）");
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim() ?? "";
  if (!["", "0", "1", "true", "false"].includes(pathStyle))
    problems.push(`S3_FORCE_PATH_STYLE: 须为 1 或 0（MinIO、Ceph 通常需要 1）`);
  return {
    setting: {
      kind: "s3",
      s3: {
        bucket,
        prefix: prefix ? `${prefix}/` : "",
        endpoint,
        region: env.S3_REGION?.trim() || "us-east-1",
        credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
        forcePathStyle: pathStyle === "1" || pathStyle === "true",
      },
    },
    problems,
  };
}

/**
 * The store `duban files migrate --to VALUE` names: disk, postgres or s3://bucket/prefix with the S3_* variables
 * (which may equally describe the source). Throws a readable message for a bad value.
 */
export function parseFileStoreTarget(value: string, env: NodeJS.ProcessEnv): FileStoreSetting {
  const v = value.trim();
  if (v === "disk") return { kind: "disk" };
  if (v === "postgres") {
    if (!env.DATABASE_URL?.trim())
      throw new Error("--to postgres 需要设置 DATABASE_URL（文件存入该 PostgreSQL 数据库）");
    return { kind: "postgres" };
  }
  if (!v.startsWith("s3://")) throw new Error(`--to “${v}”无效；可选 disk、postgres 或 s3://存储桶/前缀`);
  const { setting, problems } = parseFileStoreEnv({ ...env, FILE_STORE: v });
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return setting;
}

/** A setting as a log line says it, without keys. */
export function describeFileStoreSetting(setting: FileStoreSetting): string {
  if (setting.kind === "s3") return `s3://${setting.s3.bucket}/${setting.s3.prefix}`;
  return setting.kind;
}
