/** What the range of a reported value depends on: the indicator's unit and target. */
export interface IndicatorValueRule {
  unit: string;
  targetValue: number;
  targetMax: number | null;
}

// Units that count whole things (学校、人、场次 …): a reported count is a whole number.
const countUnits = new Set(
  "个 所 人 人次 次 场 场次 名 项 家 座 间 处 期 批 件 门 篇 节 支 套 台 册 本 条 类 种 位 户 班 校 园".split(
    " ",
  ),
);

/** Whether an indicator's unit is a percentage. */
export function isPercentUnit(unit: string): boolean {
  return unit.trim() === "%" || unit.trim() === "％";
}

/**
 * The message for a value a unit may not report against the indicator, or null when it is fine. A
 * percentage lies in 0–100 unless the target itself is above 100 (增长 120 %) or below 0 (下降); a count is a
 * whole number; nothing is negative unless the target is.
 */
export function indicatorValueProblem(indicator: IndicatorValueRule, value: number): string | null {
  if (!Number.isFinite(value)) return "请填写数字";
  const bounds = [indicator.targetValue, indicator.targetMax ?? indicator.targetValue];
  const min = Math.min(0, ...bounds);
  if (isPercentUnit(indicator.unit)) {
    const max = Math.max(...bounds) > 100 ? Number.POSITIVE_INFINITY : 100;
    if (value < min || value > max) return max === 100 ? `百分比应为 ${min}–100` : `百分比不能小于 ${min}`;
    return null;
  }
  if (value < min) return min === 0 ? "不能小于 0" : `不能小于 ${min}`;
  if (countUnits.has(indicator.unit.trim()) && !Number.isInteger(value))
    return `应为整数（单位：${indicator.unit.trim()}）`;
  return null;
}
