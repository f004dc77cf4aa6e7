import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../env.js";
import { openConfig, sealConfig } from "./channel-config.js";
import {
  createSecretBox,
  KEY_FILE_NAME,
  loadOrCreateKeyFile,
  parseSecretKey,
  secretBoxFor,
} from "./secret-box.js";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "duban-secret-"));

describe("secret box", () => {
  it("seals with AES-256-GCM under a fresh nonce and opens what it sealed", () => {
    const box = createSecretBox(randomBytes(32));
    const a = box.seal("SEC0123456789秘密");
    const b = box.seal("SEC0123456789秘密");
    expect(a).toMatch(/^enc:v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("SEC0123456789");
    expect(box.open(a)).toBe("SEC0123456789秘密");
  });

  it("passes plain values stored before encryption through unchanged", () => {
    expect(createSecretBox(randomBytes(32)).open("s3cret")).toBe("s3cret");
  });

  it("refuses a value sealed under another key or altered, naming the key to restore", () => {
    const sealed = createSecretBox(randomBytes(32)).seal("s3cret");
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow(/DUBAN_SECRET_KEY/);
    const box = createSecretBox(randomBytes(32));
    const raw = Buffer.from(box.seal("s3cret").slice(7), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(`enc:v1:${raw.toString("base64")}`)).toThrow(/无法解密/);
  });

  it("seals only the secret fields of a config and leaves sealed ones as they are", () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = sealConfig(box, { host: "smtp.x", pass: "p", webhook: "https://h/s?key=k", secret: "" });
    expect(sealed.host).toBe("smtp.x");
    expect(sealed.secret).toBe("");
    expect(sealed.pass).toMatch(/^enc:v1:/);
    expect(sealConfig(box, sealed)).toEqual(sealed);
    expect(openConfig(box, sealed)).toEqual({
      host: "smtp.x",
      pass: "p",
      webhook: "https://h/s?key=k",
      secret: "",
    });
  });

  it("reads a 32-byte key as hex or base64 and nothing else", () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString("hex"))).toEqual(key);
    expect(parseSecretKey(key.toString("base64"))).toEqual(key);
    expect(parseSecretKey(key.toString("base64url"))).toEqual(key);
    expect(parseSecretKey(randomBytes(16).toString("base64"))).toBeNull();
    expect(parseSecretKey("correct horse battery staple")).toBeNull();
  });

  it("checks DUBAN_SECRET_KEY at start and says how to make one", () => {
    expect(() => loadConfig({ DUBAN_SECRET_KEY: "too-short" })).toThrow(
      /DUBAN_SECRET_KEY.*openssl rand -base64 32/,
    );
    const key = randomBytes(32);
    expect(loadConfig({ DUBAN_SECRET_KEY: key.toString("base64") }).secretKey).toEqual(key);
    expect(loadConfig({}).secretKey).toBeUndefined();
  });

  it("creates the data directory's key file once, readable by the owner only, and reuses it", () => {
    const dir = path.join(tempDir(), "data");
    const key = loadOrCreateKeyFile(dir);
    const file = path.join(dir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(dir)).toEqual(key);
    expect(fs.readdirSync(dir)).toEqual([KEY_FILE_NAME]);
  });

  it("touches the data directory only when a secret is first sealed or opened", () => {
    const dir = tempDir();
    const box = secretBoxFor({ secretKey: undefined, dataDir: dir });
    expect(box.open("plain")).toBe("plain");
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    const sealed = box.seal("s3cret");
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(true);
    // Another box over the same directory (another process) opens it.
    expect(createSecretBox(loadOrCreateKeyFile(dir)).open(sealed)).toBe("s3cret");
  });
});
