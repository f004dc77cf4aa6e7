import { shanghaiDate, shanghaiHour } from "@duban/domain";
import { sql } from "drizzle-orm";
import type { Database } from "./client.js";

/** What a maintenance pass ran. */
export type MaintenanceRun = "vacuum" | "analyze" | "none";

/** What this process has done for the embedded database so far. */
export interface MaintenanceState {
  analyzed: boolean;
  /** The Shanghai day of the last night's VACUUM. */
  vacuumedOn: string | null;
}

/** The Shanghai hours of the nightly VACUUM: after the day's work and its midnight passes, before the next. */
const MAINTENANCE_NIGHT = { fromHour: 2, toHour: 6 } as const;

export function newMaintenanceState(): MaintenanceState {
  return { analyzed: false, vacuumedOn: null };
}

/**
 * Looks after the embedded database, which has no autovacuum: PGlite is PostgreSQL as one process, without the
 * background workers that keep planner statistics current and make the room left by updated and deleted rows
 * reusable. Without this its planner never learns how large a table has grown, and its tables only grow.
 * The first pass after start runs ANALYZE (a sample of each table, quick); the first pass of each night, between
 * 02:00 and 06:00 Shanghai time, runs VACUUM (ANALYZE), which holds the single connection while it works — hence
 * the night. On PostgreSQL autovacuum does both, and nothing runs.
 */
export async function maintainEmbeddedDatabase(
  database: Database,
  now: Date,
  state: MaintenanceState,
): Promise<MaintenanceRun> {
  if (database.kind !== "pglite") return "none";
  const day = shanghaiDate(now);
  const hour = shanghaiHour(now);
  if (hour >= MAINTENANCE_NIGHT.fromHour && hour < MAINTENANCE_NIGHT.toHour && state.vacuumedOn !== day) {
    await database.db.execute(sql`vacuum (analyze)`);
    state.vacuumedOn = day;
    state.analyzed = true;
    return "vacuum";
  }
  if (state.analyzed) return "none";
  await database.db.execute(sql`analyze`);
  state.analyzed = true;
  return "analyze";
}
