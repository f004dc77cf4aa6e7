import {
  missingCalendarYearMessage,
  missingCalendarYears,
  type WorkCalendar,
  workCalendarOf,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { findCalendarYearsOfTenants } from "./calendar.repository.js";

/** Where a missing year is reported; Fastify's logger fits. */
export interface CalendarLog {
  warn?(obj: unknown, msg?: string): void;
}

// Tenant and year already reported by this process: a missing year is logged once, not on every pass.
const reported = new Set<string>();

/**
 * The working-day calendar of each tenant (its own tables over the shipped arrangements), in one read. A year that
 * matters today and has no arrangement is logged once per tenant and process; its days count Monday to Friday.
 */
export async function loadWorkCalendars(
  db: DbOrTx,
  tenantIds: readonly string[],
  options: { today: string; log?: CalendarLog },
): Promise<Map<string, WorkCalendar>> {
  const ids = [...new Set(tenantIds)];
  const rows = await findCalendarYearsOfTenants(db, ids);
  const calendars = new Map<string, WorkCalendar>();
  for (const tenantId of ids) {
    const calendar = workCalendarOf(rows.filter((r) => r.tenantId === tenantId));
    calendars.set(tenantId, calendar);
    for (const year of missingCalendarYears(calendar, options.today)) {
      const key = `${tenantId}:${year}`;
      if (reported.has(key)) continue;
      reported.add(key);
      options.log?.warn?.({ tenantId, year }, missingCalendarYearMessage(year));
    }
  }
  return calendars;
}
