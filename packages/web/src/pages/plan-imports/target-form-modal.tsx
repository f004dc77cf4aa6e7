import { type Comparator, comparatorSymbols, comparators, type DraftTarget, isPlanDate } from "@duban/domain";
import { AutoComplete, Form, Input, InputNumber, Modal, Select } from "antd";
import { useEffect } from "react";

/** Hedges the parser records; the user may type another. */
export const hedgeOptions = ["确保", "力争", "争取", "计划"].map((value) => ({ value }));

const comparatorOptions = comparators.map((value) => ({ value, label: comparatorSymbols[value] }));

/** A plan date field rule: empty, or YYYY / YYYY-MM / YYYY-MM-DD. */
export const planDateRule = {
  validator: (_: unknown, value: string | undefined) =>
    !value || isPlanDate(value.trim())
      ? Promise.resolve()
      : Promise.reject(new Error("日期应为 YYYY、YYYY-MM 或 YYYY-MM-DD")),
};

interface TargetFields {
  indicator: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  deadline: string;
  hedge: string;
}

/** Props of the target form. */
export interface TargetFormModalProps {
  /** The target to edit, or a new one (with its fresh key and `span: null`). */
  target: DraftTarget | null;
  readOnly?: boolean;
  onSave: (target: DraftTarget) => void;
  onClose: () => void;
}

/** Adds or edits a numeric target: indicator, comparator, value (and upper bound for 区间), unit, date, hedge. */
export function TargetFormModal({ target, readOnly, onSave, onClose }: TargetFormModalProps) {
  const [form] = Form.useForm<TargetFields>();
  const comparator = Form.useWatch("comparator", form);

  useEffect(() => {
    if (!target) return;
    form.setFieldsValue({
      indicator: target.indicator,
      comparator: target.comparator,
      value: target.value,
      valueMax: target.valueMax,
      unit: target.unit,
      deadline: target.deadline ?? "",
      hedge: target.hedge ?? "",
    });
  }, [target, form]);

  function submit(values: TargetFields) {
    if (!target) return;
    onSave({
      ...target,
      indicator: values.indicator.trim(),
      comparator: values.comparator,
      value: values.value,
      valueMax: values.comparator === "range" ? (values.valueMax ?? null) : null,
      unit: (values.unit ?? "").trim(),
      deadline: values.deadline?.trim() || null,
      hedge: values.hedge?.trim() || null,
    });
  }

  return (
    <Modal
      open={target !== null}
      title={target?.indicator ? "编辑指标" : "添加指标"}
      okText="保存"
      onOk={() => form.submit()}
      okButtonProps={{ disabled: readOnly }}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} disabled={readOnly}>
        {target?.text && <Form.Item label="原文">{target.text}</Form.Item>}
        <Form.Item
          name="indicator"
          label="指标名称"
          rules={[{ required: true, whitespace: true, message: "请填写指标名称" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="comparator" label="比较" rules={[{ required: true }]}>
          <Select options={comparatorOptions} />
        </Form.Item>
        <Form.Item name="value" label="目标值" rules={[{ required: true, message: "请填写目标值" }]}>
          <InputNumber style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="valueMax"
          label="上限"
          dependencies={["value", "comparator"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) =>
                getFieldValue("comparator") !== "range" ||
                (typeof value === "number" && value > getFieldValue("value"))
                  ? Promise.resolve()
                  : Promise.reject(new Error("区间的上限须大于下限")),
            }),
          ]}
        >
          <InputNumber
            style={{ width: "100%" }}
            disabled={comparator !== "range"}
            placeholder="仅区间指标填写"
          />
        </Form.Item>
        <Form.Item name="unit" label="单位">
          <Input maxLength={20} placeholder="如 %、所、个" />
        </Form.Item>
        <Form.Item name="deadline" label="时限" rules={[planDateRule]}>
          <Input placeholder="YYYY、YYYY-MM 或 YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="hedge" label="表述">
          <AutoComplete options={hedgeOptions} placeholder="确保、力争、争取…" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
