import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config from "../vitest.config.js";

const root = path.resolve(import.meta.dirname, "..");

/** Every test file under `dir` ending in `suffix`, relative to the repository root. */
function testFiles(dir: string, suffix: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(rel, suffix);
    return entry.name.endsWith(suffix) ? [rel] : [];
  });
}

type Project = { test: { name: string; include?: string[]; exclude?: string[] } };
const projects = (config.test?.projects ?? []) as Project[];
const project = (name: string) => projects.find((p) => p.test.name === name)!.test;

describe("test projects", () => {
  // The server and web projects share one module cache per worker: a vi.mock there would leak into the next
  // file, or get the real module when another file loaded it first.
  for (const [shared, isolated, dir, suffix] of [
    ["server", "server-isolated", "packages/server/src", ".test.ts"],
    ["web", "web-isolated", "packages/web/src", ".test.tsx"],
  ] as const)
    it(`runs every ${shared} test file that mocks a module in ${isolated}, and only there`, () => {
      const mocking = testFiles(dir, suffix).filter((file) =>
        fs.readFileSync(path.join(root, file), "utf8").includes("vi.mock("),
      );
      expect(mocking.length).toBeGreaterThan(0);
      expect(mocking.filter((file) => !project(isolated).include?.includes(file))).toEqual([]);
      expect(mocking.filter((file) => !project(shared).exclude?.includes(file))).toEqual([]);
    });
});
