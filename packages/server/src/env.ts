import path from "node:path";
import { z } from "zod";
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
  TRUST_PROXY: flag,
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
});

/** Runtime configuration of the server. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRateLimitPerMinute: number;
  trustProxy: boolean;
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
  /** argon2id cost; lowered only by the test harness to keep suites fast. */
  argon2: { memoryCost: number; timeCost: number };
}

/** Parses configuration from environment variables; throws a readable message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`配置有误：\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
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
    // OWASP's argon2id baseline: 19 MiB, 2 passes.
    argon2: { memoryCost: 19_456, timeCost: 2 },
  };
}
