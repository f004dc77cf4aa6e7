import { type AssessmentItem, defaultMissingReportPenalty } from "@duban/domain";
import { Flex } from "antd";
import { NumberField } from "./number-field";

/** The kind-specific parameters of a scheme item: penalties, the late-report credit, the caps of manual points. */
export function ItemParams({
  item,
  onChange,
  errorAt,
  disabled,
}: {
  item: AssessmentItem;
  onChange: (item: AssessmentItem) => void;
  errorAt: (field: string) => string | undefined;
  disabled: boolean;
}) {
  const field = (label: string, key: string, value: number, set: (v: number) => AssessmentItem) => (
    <NumberField
      key={key}
      label={label}
      name={`${item.label}${label}`}
      value={value}
      error={errorAt(key)}
      disabled={disabled}
      step={key === "lateCredit" ? 0.1 : 0.5}
      width={80}
      onChange={(v) => onChange(set(v ?? 0))}
    />
  );
  switch (item.kind) {
    case "task_completion":
      return (
        <Flex wrap gap={8}>
          {field("红灯扣分", "redPenalty", item.redPenalty, (v) => ({ ...item, redPenalty: v }))}
          {field("黄灯扣分", "yellowPenalty", item.yellowPenalty, (v) => ({ ...item, yellowPenalty: v }))}
        </Flex>
      );
    case "reporting":
      return (
        <Flex wrap gap={8}>
          {field("迟报得分比例", "lateCredit", item.lateCredit, (v) => ({ ...item, lateCredit: v }))}
          {field("缺报扣分", "missingPenalty", item.missingPenalty ?? defaultMissingReportPenalty, (v) => ({
            ...item,
            missingPenalty: v,
          }))}
        </Flex>
      );
    case "supervision":
      return (
        <Flex wrap gap={8}>
          {(["blue", "yellow", "red"] as const).map((level) =>
            field(
              `${{ blue: "蓝", yellow: "黄", red: "红" }[level]}色督办扣分`,
              `levelPenalty.${level}`,
              item.levelPenalty[level],
              (v) => ({ ...item, levelPenalty: { ...item.levelPenalty, [level]: v } }),
            ),
          )}
          {field("逾期回复扣分", "lateReplyPenalty", item.lateReplyPenalty, (v) => ({
            ...item,
            lateReplyPenalty: v,
          }))}
          {field("退回重办扣分", "notFirstTimePenalty", item.notFirstTimePenalty, (v) => ({
            ...item,
            notFirstTimePenalty: v,
          }))}
        </Flex>
      );
    case "manual":
      return (
        <Flex wrap gap={8}>
          {field("加分上限", "maxBonus", item.maxBonus, (v) => ({ ...item, maxBonus: v }))}
          {field("扣分上限", "maxDeduction", item.maxDeduction, (v) => ({ ...item, maxDeduction: v }))}
        </Flex>
      );
    default:
      return null;
  }
}
