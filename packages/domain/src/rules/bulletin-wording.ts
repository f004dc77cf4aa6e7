import { comparatorSymbols } from "../plans.js";
import type { SnapshotIndicator, SnapshotTask, SnapshotUnit } from "../snapshots.js";

/** A calendar day as a 公文 writes it: 2023年6月30日 (no leading zeros). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** A percentage or value with at most one decimal, as the bureau prints figures: 45.48 → 45.5, 60.0 → 60. */
export function figure(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A task's name with the number the plan prints before it, if any. */
export function taskName(task: SnapshotTask): string {
  return task.code ? `${task.code}${task.title}` : task.title;
}

/** Names joined with the 顿号 a Chinese list uses. */
export function listOf(names: readonly string[]): string {
  return names.join("、");
}

/** How progress stands against 序时进度, in words: 超出 / 落后 … 个百分点, or 与序时进度持平. */
export function againstExpected(progress: number, expected: number): string {
  const gap = Math.round((progress - expected) * 10) / 10;
  if (gap > 0) return `超出序时进度${figure(gap)}个百分点`;
  if (gap < 0) return `落后序时进度${figure(-gap)}个百分点`;
  return "与序时进度持平";
}

/** A change of a count between two days, in words: 增加2项 / 减少1项 / 持平. */
export function countChange(before: number, after: number, unit = "项"): string {
  if (after > before) return `增加${after - before}${unit}`;
  if (after < before) return `减少${before - after}${unit}`;
  return "持平";
}

/** An indicator's target as the plan states it: ≥ 95%, or 区间 80–90%. */
export function targetText(indicator: SnapshotIndicator): string {
  if (indicator.comparator === "range" && indicator.targetMax !== null)
    return `${figure(indicator.target)}–${figure(indicator.targetMax)}${indicator.unit}`;
  return `${comparatorSymbols[indicator.comparator]}${figure(indicator.target)}${indicator.unit}`;
}

/** An indicator's current value with its unit, or a dash before any value. */
export function valueText(indicator: SnapshotIndicator): string {
  return indicator.value === null ? "—" : `${figure(indicator.value)}${indicator.unit}`;
}

/** What a unit is criticised for this period: each problem with its count, or none. */
export interface UnitShortcomings {
  missing: number;
  late: number;
  openNotices: number;
  overdueRectifications: number;
}

/** A unit's problems for the 通报批评 list, read from its snapshot counts. */
export function shortcomingsOf(unit: SnapshotUnit): UnitShortcomings {
  const n = unit.openNotices;
  return {
    missing: unit.reports.missing,
    late: unit.reports.late,
    openNotices: n.blue + n.yellow + n.red,
    overdueRectifications: unit.overdueRectifications,
  };
}

/** Whether a unit has anything to be criticised for. */
export function hasShortcoming(s: UnitShortcomings): boolean {
  return s.missing + s.late + s.openNotices + s.overdueRectifications > 0;
}

/** The problems of one unit in words: 未报送1次、迟报1次、督办单未办结2件、整改逾期1项. */
export function shortcomingText(s: UnitShortcomings): string {
  const parts: string[] = [];
  if (s.missing > 0) parts.push(`未报送${s.missing}次`);
  if (s.late > 0) parts.push(`迟报${s.late}次`);
  if (s.openNotices > 0) parts.push(`督办单未办结${s.openNotices}件`);
  if (s.overdueRectifications > 0) parts.push(`整改逾期${s.overdueRectifications}项`);
  return parts.join("、");
}
