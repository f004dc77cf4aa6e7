import type { CalendarDay } from "@duban/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { workCalendarYears } from "../../db/schema.js";

/** A bureau's own table for one year. */
export interface CalendarYearRow {
  tenantId: string;
  year: number;
  days: CalendarDay[];
  version: number;
  updatedAt: Date;
}

const columns = {
  tenantId: workCalendarYears.tenantId,
  year: workCalendarYears.year,
  days: workCalendarYears.days,
  version: workCalendarYears.version,
  updatedAt: workCalendarYears.updatedAt,
};

/** Every year one tenant has a table of its own for. */
export async function findCalendarYears(db: DbOrTx, tenantId: string): Promise<CalendarYearRow[]> {
  const rows = await db
    .select(columns)
    .from(workCalendarYears)
    .where(eq(workCalendarYears.tenantId, tenantId))
    .orderBy(workCalendarYears.year);
  return rows as CalendarYearRow[];
}

/** Every year the given tenants have a table of their own for: the scheduler's one read for all of them. */
export async function findCalendarYearsOfTenants(
  db: DbOrTx,
  tenantIds: readonly string[],
): Promise<CalendarYearRow[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(workCalendarYears)
    .where(inArray(workCalendarYears.tenantId, [...tenantIds]));
  return rows as CalendarYearRow[];
}

/** The tenant's own table for a year, or null. */
export async function findCalendarYear(db: DbOrTx, tenantId: string, year: number) {
  const [row] = await db
    .select(columns)
    .from(workCalendarYears)
    .where(and(eq(workCalendarYears.tenantId, tenantId), eq(workCalendarYears.year, year)));
  return (row as CalendarYearRow | undefined) ?? null;
}

/** Saves a year's first own table at version 1; null when another admin saved one first. */
export async function insertCalendarYear(
  tx: DbOrTx,
  input: { tenantId: string; year: number; days: CalendarDay[]; userId: string; now: Date },
) {
  const [row] = await tx
    .insert(workCalendarYears)
    .values({ ...pick(input), version: 1 })
    .onConflictDoNothing()
    .returning(columns);
  return (row as CalendarYearRow | undefined) ?? null;
}

/** Replaces a year's own table if still at `version`; null when it changed meanwhile. */
export async function updateCalendarYear(
  tx: DbOrTx,
  input: { tenantId: string; year: number; days: CalendarDay[]; userId: string; now: Date; version: number },
) {
  const [row] = await tx
    .update(workCalendarYears)
    .set({ ...pick(input), version: sql`${workCalendarYears.version} + 1` })
    .where(
      and(
        eq(workCalendarYears.tenantId, input.tenantId),
        eq(workCalendarYears.year, input.year),
        eq(workCalendarYears.version, input.version),
      ),
    )
    .returning(columns);
  return (row as CalendarYearRow | undefined) ?? null;
}

/** Drops a year's own table, so the year goes back to the shipped arrangement (or Monday to Friday). */
export async function deleteCalendarYear(tx: DbOrTx, tenantId: string, year: number): Promise<boolean> {
  const rows = await tx
    .delete(workCalendarYears)
    .where(and(eq(workCalendarYears.tenantId, tenantId), eq(workCalendarYears.year, year)))
    .returning({ year: workCalendarYears.year });
  return rows.length > 0;
}

function pick(input: { tenantId: string; year: number; days: CalendarDay[]; userId: string; now: Date }) {
  return {
    tenantId: input.tenantId,
    year: input.year,
    days: input.days,
    updatedBy: input.userId,
    updatedAt: input.now,
  };
}
