import { vi } from "vitest";
import { runCli } from "../cli/index.js";

/** Runs the `duban` command in process on a PGlite data directory, returning its exit code and what it printed. */
export async function runCliOn(
  dataDir: string,
  ...argv: string[]
): Promise<{ code: number; output: string }> {
  // Restored afterwards: files that run later in the same worker must not inherit this command's environment.
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = "";
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((m) => void out.push(String(m)));
  const error = vi.spyOn(console, "error").mockImplementation((m) => void out.push(String(m)));
  try {
    return { code: await runCli(argv), output: out.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
