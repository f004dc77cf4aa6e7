import type { Dayjs } from "dayjs";

/** How the period of a 通报 is chosen: a calendar month, a quarter, or any range. */
export type PeriodKind = "month" | "quarter" | "custom";

/** A period as the API takes it. */
export interface Period {
  from: string;
  to: string;
}

const day = (d: Dayjs) => d.format("YYYY-MM-DD");

/**
 * The period of the month or quarter containing `pick`, its end brought back to `today` when the period is
 * still running (a 通报 stands as of a day already lived).
 */
export function periodOf(kind: "month" | "quarter", pick: Dayjs, today: Dayjs): Period {
  const start =
    kind === "month" ? pick.startOf("month") : pick.startOf("month").month(Math.floor(pick.month() / 3) * 3);
  const end = (kind === "month" ? start : start.add(2, "month")).endOf("month");
  return { from: day(start), to: day(end.isAfter(today, "day") ? today : end) };
}

/** The title the bureau usually gives a 通报 of the period, e.g. 2023年6月工作要点落实情况督查通报. */
export function suggestedTitle(kind: PeriodKind, pick: Dayjs): string {
  if (kind === "month") return `${pick.year()}年${pick.month() + 1}月重点工作落实情况督查通报`;
  if (kind === "quarter")
    return `${pick.year()}年第${Math.floor(pick.month() / 3) + 1}季度重点工作落实情况督查通报`;
  return "重点工作落实情况督查通报";
}
