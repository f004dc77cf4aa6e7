import {
  type CalendarDay,
  calendarYearIssues,
  missingCalendarYearMessage,
  missingCalendarYears,
  officialCalendarDays,
  officialCalendarSource,
  officialCalendarYears,
  shanghaiDate,
  type WorkCalendarOverview,
  type WorkCalendarYear,
  type WorkCalendarYearUpdateInput,
  workCalendarAbilities,
  workCalendarOf,
} from "@duban/domain";
import { invalid, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import * as repo from "./calendar.repository.js";

/** The API shape of a year: the bureau's own table, else the shipped one, else none (Monday to Friday). */
function toYear(ctx: ServiceContext, year: number, row: repo.CalendarYearRow | null): WorkCalendarYear {
  const official = officialCalendarDays(year);
  const days = row?.days ?? official ?? [];
  return {
    year,
    source: row ? "custom" : official ? "official" : "none",
    officialSource: officialCalendarSource(year),
    days: [...days].sort((a, b) => a.date.localeCompare(b.date)),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    missingMessage: row || official ? null : missingCalendarYearMessage(year),
    abilities: workCalendarAbilities(ctx.actor),
  };
}

/** The years the bureau has a table for (shipped or its own) and the years that matter today but have none. */
export async function getWorkCalendarOverview(ctx: ServiceContext): Promise<WorkCalendarOverview> {
  const own = await repo.findCalendarYears(ctx.database.db, ctx.actor.tenantId);
  const years = [...new Set([...officialCalendarYears(), ...own.map((r) => r.year)])].sort((a, b) => a - b);
  const calendar = workCalendarOf(own);
  return {
    years: years.map((year) => {
      const days = own.find((r) => r.year === year)?.days ?? officialCalendarDays(year) ?? [];
      return {
        year,
        source: own.some((r) => r.year === year) ? "custom" : "official",
        holidays: days.filter((d) => d.kind === "holiday").length,
        workdays: days.filter((d) => d.kind === "workday").length,
      };
    }),
    missing: missingCalendarYears(calendar, shanghaiDate(ctx.clock.now())).map((year) => ({
      year,
      message: missingCalendarYearMessage(year),
    })),
    abilities: workCalendarAbilities(ctx.actor),
  };
}

/** One year's table as the bureau works by it. */
export async function getWorkCalendarYear(ctx: ServiceContext, year: number): Promise<WorkCalendarYear> {
  return toYear(ctx, year, await repo.findCalendarYear(ctx.database.db, ctx.actor.tenantId, year));
}

/**
 * Saves the bureau's own table for a year, replacing the shipped one for that year. The first save is made at
 * version 0 (what the page read while the year had no table of its own); a concurrent save makes this one stale.
 */
export async function saveWorkCalendarYear(
  ctx: ServiceContext,
  year: number,
  input: WorkCalendarYearUpdateInput,
): Promise<WorkCalendarYear> {
  authorize(workCalendarAbilities(ctx.actor), "update");
  const days: CalendarDay[] = input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
  const issues = calendarYearIssues(year, days);
  if (issues.length) throw invalid(issues);
  const write = { tenantId: ctx.actor.tenantId, year, days, userId: ctx.actor.userId, now: ctx.clock.now() };
  const row = await ctx.database.db.transaction(async (tx) => {
    const before = await repo.findCalendarYear(tx, write.tenantId, year);
    let saved: repo.CalendarYearRow | null = null;
    if (before) saved = await repo.updateCalendarYear(tx, { ...write, version: input.version });
    else if (input.version === 0) saved = await repo.insertCalendarYear(tx, write);
    if (!saved) throw staleVersion();
    await audit(ctx, tx, {
      action: "work_calendar.save",
      entity: "work_calendar",
      summary: {
        year,
        holidays: days.filter((d) => d.kind === "holiday").length,
        workdays: days.filter((d) => d.kind === "workday").length,
      },
    });
    return saved;
  });
  return toYear(ctx, year, row);
}

/** Drops the bureau's own table for a year: the year goes back to the shipped arrangement, or Monday to Friday. */
export async function resetWorkCalendarYear(ctx: ServiceContext, year: number): Promise<WorkCalendarYear> {
  authorize(workCalendarAbilities(ctx.actor), "update");
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.deleteCalendarYear(tx, ctx.actor.tenantId, year))) return;
    await audit(ctx, tx, { action: "work_calendar.reset", entity: "work_calendar", summary: { year } });
  });
  return toYear(ctx, year, null);
}
