import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts"],
    // Fails a test whose requests ran a statement on a tenant table without naming the tenant.
    setupFiles: ["packages/server/src/test/tenant-scope-setup.ts"],
    // Two cores: API tests each start an in-process PGlite, so more workers only contend.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
