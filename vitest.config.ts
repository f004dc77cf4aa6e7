import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// Workspace packages export their TypeScript sources under the "source" condition.
const sourceConditions = {
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
};

/**
 * The test files under `dir` that replace a module with `vi.mock`: they need a module cache of their own, so they
 * run isolated while the others share one per worker. Found by reading the files, so a new one cannot be missed
 * (a mocking file in a shared cache gets the real module whenever another file in its worker loaded it first).
 */
function mockingFiles(dir: string, suffix: string): string[] {
  const root = fileURLToPath(new URL(".", import.meta.url));
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(suffix) && !f.split(path.sep).includes("node_modules"))
    .map((f) => path.join(dir, f).split(path.sep).join("/"))
    .filter((f) => /\bvi\.mock\(/.test(fs.readFileSync(path.join(root, f), "utf8")))
    .sort();
}

/**
 * Server test files that run isolated for another reason. redact-error: once, after other files in the same worker
 * on PGlite, its 5 MB-parameter query answered 500 without the "unhandled error" log line it asserts; alone it
 * passes. Until that is understood it gets a fresh worker.
 */
const serverIsolatedFiles = [
  ...mockingFiles("packages/server/src", ".test.ts"),
  "packages/server/src/db/redact-error.test.ts",
];

/** Web test files that mock a module. */
const webMockingFiles = mockingFiles("packages/web/src", ".test.tsx");

/** The web tests: components render into happy-dom (light, runs on Node 20). */
const webProject = {
  extends: true as const,
  // Not the "source" condition here: Ant Design's dependencies publish TypeScript under it too, which Node
  // cannot load; the domain package is pointed at its sources directly instead.
  resolve: {
    alias: { "@duban/domain": fileURLToPath(new URL("packages/domain/src/index.ts", import.meta.url)) },
  },
  test: { environment: "happy-dom" as const, setupFiles: ["packages/web/src/test/setup.ts"] },
};

export default defineConfig({
  test: {
    // Two cores: API tests each start an in-process PGlite, so more workers only contend.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        ...sourceConditions,
        test: {
          name: "server",
          include: ["packages/server/src/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...serverIsolatedFiles],
          environment: "node",
          // Each worker imports the server once and runs its files one after another: re-importing Fastify, Drizzle
          // and the modules for each of ~90 files cost a third of the suite's CPU. Every file builds its own app and
          // database, so nothing but the module cache is shared.
          isolate: false,
          // Fails a test whose requests ran a statement on a tenant table without naming the tenant.
          setupFiles: ["packages/server/src/test/tenant-scope-setup.ts"],
        },
      },
      {
        extends: true,
        ...sourceConditions,
        test: {
          // Files that replace a module with vi.mock need a module cache of their own.
          name: "server-isolated",
          include: serverIsolatedFiles,
          environment: "node",
          setupFiles: ["packages/server/src/test/tenant-scope-setup.ts"],
        },
      },
      {
        extends: true,
        ...sourceConditions,
        test: {
          name: "unit",
          // scripts/: checks of the repository itself (the Node.js range every dependency supports).
          include: ["packages/*/src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "packages/server/**"],
          environment: "node",
        },
      },
      {
        ...webProject,
        test: {
          ...webProject.test,
          name: "web",
          include: ["packages/web/src/**/*.test.tsx"],
          exclude: [...configDefaults.exclude, ...webMockingFiles],
          // As on the server: each worker imports React, Ant Design and the pages once for all its files (importing
          // them per file was most of the project's time). Every test renders into a fresh DOM and is unmounted after.
          isolate: false,
        },
      },
      {
        ...webProject,
        test: { ...webProject.test, name: "web-isolated", include: webMockingFiles },
      },
    ],
  },
});
