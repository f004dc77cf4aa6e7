import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { pgliteThreadSchema } from "./db/pglite-thread.js";
import { type FileStoreSetting, parseFileStoreEnv } from "./file-store-env.js";
import { parseSecretKey } from "./notify/secret-box.js";

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** A flag that is on unless set to 0 or false. */
const flagOn = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v !== "0" && v !== "false");

/** Names proxy-addr (behind Fastify's trustProxy) accepts for whole private ranges. */
const proxyRangeNames = new Set(["loopback", "linklocal", "uniquelocal"]);

/** Whether an entry of TRUST_PROXY is an address, a CIDR range, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (proxyRangeNames.has(entry) || net.isIP(entry)) return true;
  const [ip, bits, extra] = entry.split("/");
  const kind = net.isIP(ip ?? "");
  if (!kind || extra !== undefined || !/^\d{1,3}$/.test(bits ?? "")) return false;
  return Number(bits) <= (kind === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: off, a hop count, or the proxies' addresses. "true" is refused: it would believe an
 * X-Forwarded-For from anyone, so a caller could pick the address the rate limit and audit log see.
 */
const trustProxySchema = z
  .string()
  .optional()
  .transform((raw, ctx): false | number | string[] => {
    const v = raw?.trim() ?? "";
    if (v === "" || v === "0" || v === "false") return false;
    if (v === "true") {
      ctx.addIssue({
        code: "custom",
        message:
          "不能设为 true（会相信任何人伪造的 X-Forwarded-For）；请列出反向代理的地址，如 127.0.0.1,10.0.0.0/8，或填写代理层数，如 1",
      });
      return false;
    }
    // A number is a hop count, as in Fastify: the address that many proxies back is the client.
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops <= 32) return hops;
      ctx.addIssue({ code: "custom", message: "代理层数应在 1 到 32 之间" });
      return false;
    }
    const entries = v.split(",").map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0)
      ctx.addIssue({
        code: "custom",
        message: `“${bad.join("”“")}”不是 IP 地址或网段；请填写反向代理的地址，如 127.0.0.1,10.0.0.0/8`,
      });
    return entries;
  });

/**
 * Fastify's trustProxy for the configured value. Fastify trusts nobody when given a bare number, so a hop
 * count becomes a function: the socket's peer and the next hops-1 addresses of X-Forwarded-For are proxies.
 */
export function trustProxyOption(
  value: Config["trustProxy"],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value !== "number") return value;
  return (_address, hop) => hop < value;
}

/** Environment variables Duban reads, parsed once at start. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().default("./data"),
  PGLITE_THREAD: pgliteThreadSchema,
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: trustProxySchema,
  DUBAN_DEMO: flag,
  DUBAN_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SCHEDULER: flagOn,
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  DUBAN_SECRET_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const key = parseSecretKey(v);
      if (!key)
        ctx.addIssue({
          code: "custom",
          message: "须为 32 字节密钥的 base64 或 64 位十六进制，可用 openssl rand -base64 32 生成",
        });
      return key ?? undefined;
    }),
  UPLOAD_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  UPLOAD_RATE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  UPLOAD_DAILY_MB: z.coerce.number().int().min(1).default(500),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DUBAN_FAKE_NOW: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      // An instant with its offset, so the day it names is the same on every machine.
      const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)
        ? new Date(v)
        : null;
      if (!instant || Number.isNaN(instant.getTime()))
        ctx.addIssue({ code: "custom", message: "须为带时区的时刻，如 2023-06-15T09:00:00+08:00" });
      return instant ?? undefined;
    }),
  DUBAN_ALLOW_FAKE_NOW: flag,
});

/** Runtime configuration of the server. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where the embedded PGlite runs: a worker thread, or the event loop's own thread. */
  pgliteThread: "main" | "worker";
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRateLimitPerMinute: number;
  /** Whose X-Forwarded-For to believe: nobody (false), that many hops, or these proxy addresses and ranges. */
  trustProxy: false | number | string[];
  demo: boolean;
  /** Server processes sharing the port (PostgreSQL only: PGlite is single-process). */
  workers: number;
  poolSize: number;
  logLevel: string;
  /** Run reminders, automatic notices and the delivery queue in `duban serve` (off in tests). */
  scheduler: boolean;
  schedulerIntervalMs: number;
  /** Key sealing channel passwords and robot secrets; unset: `dataDir/secret.key`, created on first use. */
  secretKey: Buffer | undefined;
  /** Evidence uploads per unit (or unit-less user): so many files per window, so many bytes per Shanghai day. */
  uploadQuota: { files: number; windowMs: number; dailyBytes: number };
  /** Where the server's clock starts (DUBAN_FAKE_NOW, for browser tests); unset: the real time. */
  fakeNow: Date | undefined;
  /** Where uploaded files are stored (FILE_STORE and S3_*); `auto` is decided when the store opens. */
  fileStore: FileStoreSetting;
  /** argon2id cost; lowered only by the test harness to keep suites fast. */
  argon2: { memoryCost: number; timeCost: number };
}

/** Parses configuration from environment variables; throws a readable message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const files = parseFileStoreEnv(env);
  if (!parsed.success || files.problems.length > 0) {
    const lines = (parsed.error?.issues ?? []).map((i) => `  ${i.path.join(".")}: ${i.message}`);
    lines.push(...files.problems.map((p) => `  ${p}`));
    throw new Error(`配置有误：\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  // A server that thinks it is another day lights, flags and reminds wrongly: only on purpose, never by a stray
  // variable on a real installation.
  if (e.DUBAN_FAKE_NOW && !e.DUBAN_ALLOW_FAKE_NOW)
    throw new Error(
      "配置有误：\n  DUBAN_FAKE_NOW: 固定时钟仅供测试（亮灯、逾期、催办都会按这个时刻计算）；确需使用请同时设置 DUBAN_ALLOW_FAKE_NOW=1，正式环境请删除此变量",
    );
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    pgliteThread: e.PGLITE_THREAD,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    demo: e.DUBAN_DEMO,
    workers: e.DUBAN_WORKERS,
    poolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    scheduler: e.SCHEDULER,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
    secretKey: e.DUBAN_SECRET_KEY,
    uploadQuota: {
      files: e.UPLOAD_RATE_LIMIT,
      windowMs: e.UPLOAD_RATE_WINDOW_MINUTES * 60_000,
      dailyBytes: e.UPLOAD_DAILY_MB * 1024 * 1024,
    },
    fakeNow: e.DUBAN_FAKE_NOW,
    fileStore: files.setting,
    // OWASP's argon2id baseline: 19 MiB, 2 passes.
    argon2: { memoryCost: 19_456, timeCost: 2 },
  };
}
