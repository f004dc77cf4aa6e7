import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** Every server test file under `dir`, relative to the repository root. */
function serverTestFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return serverTestFiles(rel);
    return entry.name.endsWith(".test.ts") ? [rel] : [];
  });
}

describe("server test projects", () => {
  it("runs every server test file that mocks a module in the isolated project", () => {
    // The server project shares one module cache per worker: a vi.mock there would leak into the next file.
    const config = fs.readFileSync(path.join(root, "vitest.config.ts"), "utf8");
    const mocking = serverTestFiles("packages/server/src").filter((file) =>
      fs.readFileSync(path.join(root, file), "utf8").includes("vi.mock("),
    );
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((file) => !config.includes(`"${file}"`))).toEqual([]);
  });
});
