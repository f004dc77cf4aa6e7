import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { type Config, loadConfig } from "../env.js";
import { countRequestStatements, faultLogger } from "./rollback-faults.js";
import { auditRequests, tenantScopeLogger } from "./tenant-scope-audit.js";

/** A clock the test can move forward. */
export class TestClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
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
    ...overrides,
  };
}

/** Every statement is checked for its tenant scope and counted by the fault injector (rollback tests). */
function testLogger() {
  const scope = tenantScopeLogger();
  const faults = faultLogger();
  return {
    logQuery(query: string, params: unknown[]): void {
      scope.logQuery(query);
      faults.logQuery(query, params);
    },
  };
}

/** Opens the test database and migrates it. */
export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({
    url: process.env.TEST_DATABASE_URL,
    poolSize: 4,
    logger: testLogger(),
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
