import { z } from "zod";
import { filingAbilitiesSchema } from "../policies/ledger.js";
import { calendarDateSchema } from "./primitives.js";

/** `GET /api/plans/:id/ledger`: the 工作台账 today, or as of a past day's snapshot. */
export const ledgerQuerySchema = z.strictObject({ asOf: calendarDateSchema.optional() });
/** The ledger's query. */
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

/** Where one assignment's report of a cycle stands: in on time, in late, or not in. */
export const filingStandings = ["on_time", "late", "missing"] as const;
/** An assignment's standing in a cycle's 报送情况. */
export type FilingStanding = (typeof filingStandings)[number];
/** Chinese names of the standings. */
export const filingStandingLabels: Record<FilingStanding, string> = {
  on_time: "按时报送",
  late: "逾期报送",
  missing: "未报送",
};

/** One unit's line of a cycle's 报送情况: its assignments in the cycle and how each stands. */
export const filingUnitSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  /** Active assignments owing a report in the cycle. */
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** The unit's worst standing: missing if any report is not in, else late if any came late. */
  standing: z.enum(filingStandings),
  /** When its last report of the cycle was submitted, ISO 8601; null before any. */
  lastSubmittedAt: z.string().nullable(),
});
/** A unit's line of a 报送情况. */
export type FilingUnit = z.infer<typeof filingUnitSchema>;

/** `GET /api/cycles/:id/filing`: who reported in a cycle, on time, late, and who has not. */
export const cycleFilingSchema = z.object({
  cycle: z.object({
    id: z.string(),
    planId: z.string(),
    name: z.string(),
    startDate: z.string(),
    dueDate: z.string(),
    status: z.enum(["open", "closed"]),
  }),
  /** Counts of units by their standing, and of all units owing a report. */
  totals: z.object({
    units: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
  }),
  /** Units missing first, then late, then on time; by name within each. */
  units: z.array(filingUnitSchema),
  abilities: filingAbilitiesSchema,
});
/** A cycle's 报送情况. */
export type CycleFiling = z.infer<typeof cycleFilingSchema>;

/** `POST /api/cycles/:id/urge`: how many missing units were reminded now, and how many already were today. */
export const cycleUrgeResultSchema = z.object({
  /** Units whose report is missing. */
  missing: z.number().int(),
  /** Units reminded by this request. */
  reminded: z.number().int(),
  /** Missing units not reminded again: already reminded today (or without a user to tell). */
  skipped: z.number().int(),
  /** A sentence for the 督查室 saying what happened. */
  message: z.string(),
});
/** The answer of 一键催报. */
export type CycleUrgeResult = z.infer<typeof cycleUrgeResultSchema>;

/** The answer of a 一键催报 (of a cycle's reports or a form round's submissions) that reminded `reminded` of `missing`. */
export function urgeOutcome(missing: number, reminded: number): CycleUrgeResult {
  const skipped = missing - reminded;
  const message =
    missing === 0
      ? "所有单位均已报送，无需催报"
      : reminded === 0
        ? `今日已催报过这 ${missing} 个单位，未重复发送`
        : `已向 ${reminded} 个未报送单位发送催报${skipped ? `，${skipped} 个单位今日已催报过，未重复发送` : ""}`;
  return { missing, reminded, skipped, message };
}
