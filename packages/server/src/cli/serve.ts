import { roleLabels } from "@duban/domain";
import { buildApp } from "../app.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { loadConfig } from "../env.js";
import { DEMO_PASSWORD, seedDemo } from "../seed/demo.js";
import { demoUsers } from "../seed/demo-data.js";

/** Starts the server: migrate, seed the demo bureau in demo mode, listen, and stop cleanly on signals. */
export async function serve(options: { demo: boolean; port?: number }): Promise<void> {
  const config = loadConfig();
  if (options.port) config.port = options.port;
  const demo = options.demo || config.demo;
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  if (demo) await seedDemo(database.db, config, { demo: true });
  const app = await buildApp({ database, config, logger: { level: config.logLevel } });
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === "pglite" ? `内置数据库 ${config.dataDir}` : "PostgreSQL";
  console.log(`\n督办已启动：http://localhost:${config.port}  （${where}）`);
  if (demo) printDemoLogins();
}

/** Prints the demo accounts, one per role. */
function printDemoLogins(): void {
  console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const [login, name, roles] of demoUsers)
    console.log(`  ${login.padEnd(10)} ${roles.map((r) => roleLabels[r]).join("、")}（${name}）`);
  console.log("");
}
