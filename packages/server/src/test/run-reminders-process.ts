// A separate OS process that runs one reminder pass against TEST_DATABASE_URL: the two-process once-only test
// starts two of these at the same moment. Prints the counts as JSON.
import { openDatabase } from "../db/client.js";
import { runReminders } from "../jobs/run-reminders.js";

const [tenantId, nowIso, goAtMs] = process.argv.slice(2);
const database = await openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 2 });
// Both processes wait for the same wall-clock instant, so their scans really overlap.
await new Promise((r) => setTimeout(r, Math.max(0, Number(goAtMs) - Date.now())));
const counts = await runReminders({ database, now: new Date(nowIso!), tenantId: tenantId! });
process.stdout.write(JSON.stringify(counts));
await database.close();
