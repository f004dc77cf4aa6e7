// An S3-compatible server for the S3 file store's tests: moto's server mode (`pip install 'moto[server]'`), started
// on a free loopback port. Without it the tests are skipped on a developer's machine, and fail in CI
// (REQUIRE_S3_TESTS=1, set by .ci/run), where a skipped store must never pass for a tested one.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { S3StoreSettings } from "../files/s3-file-store.js";
import { freePort } from "./server-process.js";

/** Whether this run must test the S3 store (CI): a missing or failing moto then fails instead of skipping. */
export const s3TestsRequired = process.env.REQUIRE_S3_TESTS === "1";

/** Why the S3 tests cannot run here, or null when `moto_server` is on the PATH. */
export function motoSkipReason(): string | null {
  try {
    execFileSync("sh", ["-c", "command -v moto_server"], { stdio: "ignore" });
    return null;
  } catch {
    return "moto_server not found (pip install 'moto[server]' to run the S3 file store tests)";
  }
}

/** A running moto server. */
export interface MotoServer {
  endpoint: string;
  /** Settings of a store in a new bucket of this server (the keys are moto's accepted dummies). */
  bucket(prefix?: string): Promise<S3StoreSettings>;
  stop(): Promise<void>;
}

/** Starts `moto_server` on a free port and waits until it answers; throws with its output if it does not. */
export async function startMoto(): Promise<MotoServer> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await fetch(`${endpoint}/`).catch(() => null);
    if (res) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`moto_server did not start on ${endpoint}:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
  let buckets = 0;
  return {
    endpoint,
    bucket: async (prefix = "") => {
      const bucket = `duban-test-${++buckets}-${process.pid}`;
      const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      client.destroy();
      return { bucket, prefix, endpoint, region: "us-east-1", credentials, forcePathStyle: true };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
