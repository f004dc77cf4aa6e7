import { type Comparator, comparatorSymbols } from "@duban/domain";
import { formatDate, invalidDateText } from "./date-format";

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

/** A plan date or a timestamp's day, written as every date in the web is ("2023-12-31"); see formatDate. */
export const formatPlanDate = formatDate;

/** A timestamp's Shanghai calendar day ("2023-10-01"); see formatDate. */
export const formatDay = formatDate;

export { invalidDateText };
