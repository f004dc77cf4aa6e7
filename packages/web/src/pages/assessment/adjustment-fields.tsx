import type { AssessmentResultView } from "@duban/domain";
import { Form, Input, InputNumber, Select } from "antd";

/** The item, points and reason of an adjustment (in review or accepting an appeal), from a unit's breakdown. */
export function AdjustmentFields({
  result,
  reasonLabel = "理由",
}: {
  result: AssessmentResultView;
  reasonLabel?: string;
}) {
  return (
    <>
      <Form.Item name="itemKey" label="考评项" rules={[{ required: true, message: "请选择考评项" }]}>
        <Select
          aria-label="考评项"
          options={result.breakdown.map((item) => ({ value: item.itemKey, label: item.item }))}
        />
      </Form.Item>
      <Form.Item
        name="points"
        label="调整分值"
        extra="加分填正数，减分填负数。"
        rules={[{ required: true, message: "请填写调整分值" }]}
      >
        <InputNumber aria-label="调整分值" step={0.5} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={reasonLabel}
        rules={[{ required: true, whitespace: true, message: `请填写${reasonLabel}` }]}
      >
        <Input.TextArea aria-label={reasonLabel} rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}
