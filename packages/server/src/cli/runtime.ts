import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { type Config, loadConfig } from "../env.js";

/** Opens and migrates the configured database for a CLI command, closing it afterwards. */
export async function withDatabase<T>(run: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    pgliteThread: config.pgliteThread,
  });
  try {
    await migrateDatabase(database);
    return await run(database, config);
  } finally {
    await database.close();
  }
}

/** A command-line failure: printed without a stack trace, exit code 1. */
export class CliError extends Error {}
