import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const server = fileURLToPath(new URL("../packages/server", import.meta.url));
const migrations = path.join(server, "drizzle");
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "duban-migrations-"));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const sqlFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();

describe("the Drizzle schema and the committed migrations", () => {
  it("agree: drizzle-kit generate over a copy of the migrations writes no new migration", async () => {
    const out = path.join(temp, "drizzle");
    fs.cpSync(migrations, out, { recursive: true });
    // drizzle-kit reads `out` relative to where it runs, whatever the config file's place.
    const config = path.join(temp, "drizzle.config.ts");
    fs.writeFileSync(
      config,
      `export default ${JSON.stringify({
        dialect: "postgresql",
        schema: "./src/db/schema.ts",
        out: path.relative(server, out),
        migrations: { prefix: "timestamp" },
      })};\n`,
    );
    const { stdout } = await run("npx", ["drizzle-kit", "generate", "--name", "probe", "--config", config], {
      cwd: server,
      // The schema imports @duban/domain: its sources, so a stale or missing build cannot hide a change.
      env: { ...process.env, NODE_OPTIONS: "--conditions=source" },
      timeout: 60_000,
    });
    const written = sqlFiles(out).filter((f) => !sqlFiles(migrations).includes(f));
    const hint =
      "the schema changed without a migration: run `cd packages/server && npx drizzle-kit generate`";
    expect(
      written.map((f) => fs.readFileSync(path.join(out, f), "utf8")),
      hint,
    ).toEqual([]);
    expect(stdout).toContain("No schema changes");
  }, 60_000);
});
