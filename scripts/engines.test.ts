import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// semver ships no types of its own; these are the two functions used.
const semver = createRequire(import.meta.url)("semver") as {
  subset(sub: string, sup: string): boolean;
  satisfies(version: string, range: string): boolean;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function readJson(file: string): { name?: string; version?: string; engines?: { node?: string } } {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Every installed package with an `engines.node`, nested copies included: `name@version` → its range. */
function installedEngines(dir: string, found = new Map<string, string>()): Map<string, string> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    // Workspace packages are links back into the repository; the project's own engines are the root's.
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith("@")) {
      installedEngines(full, found);
      continue;
    }
    try {
      const pkg = readJson(path.join(full, "package.json"));
      if (pkg.engines?.node) found.set(`${pkg.name}@${pkg.version}`, pkg.engines.node);
    } catch {
      // A folder without a package.json (a bin or cache folder) is not a package.
    }
    installedEngines(path.join(full, "node_modules"), found);
  }
  return found;
}

describe("the Node.js versions the project states", () => {
  const range = readJson(path.join(root, "package.json")).engines?.node ?? "";

  it("states a range every installed dependency supports, so no supported Node meets an EBADENGINE", () => {
    const engines = installedEngines(path.join(root, "node_modules"));
    expect(engines.size).toBeGreaterThan(10);
    const unsupported = [...engines].filter(([, needs]) => !semver.subset(range, needs));
    expect(unsupported).toEqual([]);
  });

  it("runs on a Node.js inside that range (CI runs Node 20)", () => {
    expect(semver.satisfies(process.versions.node, range)).toBe(true);
  });

  it("says the same range in the README", () => {
    expect(readFileSync(path.join(root, "README.md"), "utf8")).toContain(`\`${range}\``);
  });
});
