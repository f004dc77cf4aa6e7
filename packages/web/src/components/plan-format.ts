import { type Comparator, comparatorSymbols, isPlanDate } from "@duban/domain";

/** A number as users read it: 301000 → "301,000", 0.5 → "0.5". */
export function formatNumber(value: number): string {
  return value.toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}

/** A target in words, e.g. "≥ 50 %" or "2–4 个". */
export function formatTarget(target: {
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
}): string {
  const unit = target.unit ? ` ${target.unit}` : "";
  if (target.comparator === "range")
    return `${formatNumber(target.value)}–${formatNumber(target.valueMax ?? target.value)}${unit}`;
  return `${comparatorSymbols[target.comparator]} ${formatNumber(target.value)}${unit}`;
}

/** What a page shows for a stored date it cannot read, instead of failing or printing "NaN年". */
export const invalidDateText = "日期无效";

/** Shows a stored value that is no date, and says so in the console for whoever looks into it. */
function unreadable(value: string): string {
  console.warn("日期无效，已按无效显示：", value);
  return invalidDateText;
}

/** A plan date as users read it: "2023" → 2023年, "2023-09" → 2023年9月, "2023-12-31" → 2023年12月31日. */
export function formatPlanDate(date: string | null | undefined): string {
  if (!date) return "—";
  if (!isPlanDate(date)) return unreadable(date);
  const [y, m, d] = date.split("-");
  return `${y}年${m ? `${Number(m)}月` : ""}${d ? `${Number(d)}日` : ""}`;
}

/** A timestamp as a calendar date in the user's time zone. */
export function formatDay(timestamp: string | null | undefined): string {
  if (!timestamp) return "—";
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) return unreadable(timestamp);
  return instant.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
}
