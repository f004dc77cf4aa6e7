import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Marks a sealed value; anything without it is a plain value stored before encryption existed. */
export const SEALED_PREFIX = "enc:v1:";
/** The key file created in the data directory when DUBAN_SECRET_KEY is not set. */
export const KEY_FILE_NAME = "secret.key";

/** Seals and opens short secrets (SMTP passwords, robot tokens) with AES-256-GCM. */
export interface SecretBox {
  seal(plain: string): string;
  open(value: string): string;
}

/** Whether a stored value is sealed. */
export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(SEALED_PREFIX);
}

/** Reads a 32-byte key given as 64 hex digits or base64; null when it is neither. */
export function parseSecretKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return null;
  const key = Buffer.from(t, t.includes("-") || t.includes("_") ? "base64url" : "base64");
  return key.length === 32 ? key : null;
}

/**
 * A box over `key`, which may be a loader: the key file is then read (or created) on first use only, so code
 * paths that never meet a secret never touch the data directory.
 */
export function createSecretBox(key: Buffer | (() => Buffer)): SecretBox {
  let cached = typeof key === "function" ? null : key;
  const keyOf = () => {
    cached ??= (key as () => Buffer)();
    return cached;
  };
  return {
    seal(plain) {
      // A fresh 96-bit nonce per value, as GCM requires; values are few, so random nonces never collide.
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keyOf(), iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${SEALED_PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(value) {
      if (!isSealed(value)) return value;
      const raw = Buffer.from(value.slice(SEALED_PREFIX.length), "base64");
      try {
        const decipher = createDecipheriv("aes-256-gcm", keyOf(), raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
      } catch {
        throw new Error(
          "无法解密已保存的渠道密码或密钥：当前密钥（DUBAN_SECRET_KEY 或数据目录下的 secret.key）与保存时不同。请恢复原密钥，或在消息渠道页重新填写。",
        );
      }
    },
  };
}

/**
 * The key in `dataDir/secret.key`, created (mode 0600) on first use. Created under a temporary name and linked
 * into place, so processes starting together agree on one key and none reads a half-written file.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    fs.writeFileSync(tmp, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      fs.unlinkSync(tmp);
    }
  }
  const key = parseSecretKey(fs.readFileSync(file, "utf8"));
  if (!key) throw new Error(`密钥文件 ${file} 内容无效：应为 32 字节密钥的 base64。`);
  return key;
}

const boxes = new Map<string, SecretBox>();

/** The process's box for a configuration: DUBAN_SECRET_KEY when set, else the data directory's key file. */
export function secretBoxFor(config: { secretKey: Buffer | undefined; dataDir: string }): SecretBox {
  const id = config.secretKey ? `env:${config.secretKey.toString("hex")}` : `file:${config.dataDir}`;
  let box = boxes.get(id);
  if (!box) {
    box = createSecretBox(config.secretKey ?? (() => loadOrCreateKeyFile(config.dataDir)));
    boxes.set(id, box);
  }
  return box;
}
