import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { type Config, loadConfig } from "../env.js";
import { pgliteTemplate } from "./pglite-template.js";
import { countRequestStatements, faultLogger } from "./rollback-faults.js";
import { auditRequests, tenantScopeLogger } from "./tenant-scope-audit.js";

/** The instant every test app starts at: a June morning in Shanghai, halfway through the 2023 seed plan's year. */
export const TEST_NOW = new Date("2023-06-15T09:00:00+08:00");

/**
 * The test app's clock: it stands still at `TEST_NOW` and moves only when a test advances or sets it, so a light,
 * a 序时进度, a late flag or a reminder count is the same on every run and can be asserted exactly.
 */
export class TestClock {
  private at = TEST_NOW.getTime();
  now(): Date {
    return new Date(this.at);
  }
  /** Moves the clock by `ms` (negative moves it back). */
  advance(ms: number): void {
    this.at += ms;
  }
  /** Puts the clock at an instant, e.g. `new Date("2023-06-30T10:00:00+08:00")`. */
  set(at: Date): void {
    this.at = at.getTime();
  }
}

/** An app in process on a real database: PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set. */
export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: TestClock;
  close(): Promise<void>;
}

/** The configuration tests run with: argon2id still, at a cost that keeps suites fast. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Uploaded files go to a throwaway directory, never into the working tree.
  const config = loadConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "duban-test-")),
  });
  // Test files sign in hundreds of times from one address; the rate limit has its own test.
  return {
    ...config,
    argon2: { memoryCost: 1024, timeCost: 1 },
    loginRateLimitPerMinute: 10_000,
    // Tests drive reminders and deliveries by calling them with their own clock.
    scheduler: false,
    // Files on disk under the throwaway DATA_DIR whatever the database, as the rollback snapshot and the statement
    // counts expect; the stores themselves have their contract suite (files/file-store.contract.ts).
    fileStore: { kind: "disk" },
    ...overrides,
  };
}

/**
 * Every statement is checked for its tenant scope and counted by the fault injector (rollback tests), and shown to
 * `onQuery` when a test watches them itself.
 */
function testLogger(onQuery?: (query: string) => void) {
  const scope = tenantScopeLogger();
  const faults = faultLogger();
  return {
    logQuery(query: string, params: unknown[]): void {
      scope.logQuery(query);
      faults.logQuery(query, params);
      onQuery?.(query);
    },
  };
}

/** Opens the test database and migrates it. */
export async function openTestDatabase(
  options: { onQuery?: (query: string) => void } = {},
): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL || undefined;
  const database = await openDatabase({
    url,
    // PGlite starts from a migrated dump instead of running initdb and every migration again.
    template: url ? undefined : await pgliteTemplate(),
    poolSize: 4,
    logger: testLogger(options.onQuery),
  });
  await migrateDatabase(database);
  return database;
}

/** Hooks on the bare test app: the tenant-scope audit and the statement counter of the fault injector. */
function instrumentTestApp(app: FastifyInstance): void {
  auditRequests(app);
  countRequestStatements(app);
}

/** Builds an app for one test file; tests create their own tenants, so files never interfere. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  const clock = new TestClock();
  const app = await buildApp({ database, config, clock, webRoot: null, instrument: instrumentTestApp });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      // The throwaway data directory testConfig made (uploads, the secret key), unless the test chose its own.
      if (!overrides.dataDir) fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
