import {
  type Aggregation,
  aggregationLabels,
  aggregations,
  type Comparator,
  comparatorSymbols,
  comparators,
  type Indicator,
} from "@duban/domain";
import { DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { addIndicator, updateIndicator } from "../../api/decompose";
import { optionsOf } from "../../components/select-options";
import { apiDate, pickerValue } from "./date-field";
import { ReasonField } from "./reason-field";
import { useTaskWrite } from "./use-task-write";

interface IndicatorValues {
  name: string;
  comparator: Comparator;
  targetValue: number;
  targetMax?: number | null;
  unit?: string;
  deadline: Dayjs | null;
  aggregation: Aggregation;
  reason: string;
}

const comparatorOptions = optionsOf(comparators, comparatorSymbols);
const aggregationOptions = optionsOf(aggregations, aggregationLabels);

/** 新增指标 / 编辑指标: target with its comparator, unit, deadline and 口径, with a reason. */
export function IndicatorDialog({
  nodeId,
  indicator,
  onClose,
}: {
  nodeId: string;
  /** The indicator to edit; absent to add one. */
  indicator?: Indicator;
  onClose: () => void;
}) {
  const [form] = Form.useForm<IndicatorValues>();
  const comparator = Form.useWatch("comparator", form);
  const save = useTaskWrite({
    mutationFn: (values: IndicatorValues) => {
      const input = {
        name: values.name.trim(),
        comparator: values.comparator,
        targetValue: values.targetValue,
        targetMax: values.comparator === "range" ? (values.targetMax ?? null) : null,
        unit: values.unit?.trim() ?? "",
        // A parsed deadline such as "2023年底" → "2023-12" has no picker value; keep it unless the user touched it.
        deadline:
          indicator && !form.isFieldTouched("deadline") ? indicator.deadline : apiDate(values.deadline),
        aggregation: values.aggregation,
        reason: values.reason.trim(),
      };
      return indicator ? updateIndicator(indicator.id, input) : addIndicator(nodeId, input);
    },
    success: indicator ? "指标已更新" : "已新增指标",
    form,
    onDone: onClose,
  });
  const initialValues: Partial<IndicatorValues> = indicator
    ? { ...indicator, deadline: pickerValue(indicator.deadline) }
    : { comparator: "gte", aggregation: "average", unit: "", deadline: null };
  return (
    <Modal
      title={indicator ? "编辑指标" : "新增指标"}
      open
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label="指标名称"
          rules={[{ required: true, whitespace: true, message: "请填写指标名称" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="comparator" label="比较方式" rules={[{ required: true }]} style={{ width: 110 }}>
            <Select options={comparatorOptions} />
          </Form.Item>
          <Form.Item
            name="targetValue"
            label={comparator === "range" ? "目标下限" : "目标值"}
            rules={[{ required: true, message: "请填写目标值" }]}
            style={{ flex: 1, minWidth: 120 }}
          >
            <InputNumber style={{ width: "100%" }} />
          </Form.Item>
          {comparator === "range" && (
            <Form.Item
              name="targetMax"
              label="目标上限"
              dependencies={["targetValue"]}
              rules={[
                { required: true, message: "请填写目标上限" },
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) =>
                    value === null || value === undefined || value > getFieldValue("targetValue")
                      ? Promise.resolve()
                      : Promise.reject(new Error("区间的上限须大于下限")),
                }),
              ]}
              style={{ flex: 1, minWidth: 120 }}
            >
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          )}
          <Form.Item name="unit" label="单位" style={{ width: 90 }}>
            <Input maxLength={20} placeholder="%" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="deadline" label="完成时限" style={{ flex: 1, minWidth: 160 }}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="aggregation"
            label="口径"
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 160 }}
          >
            <Select options={aggregationOptions} />
          </Form.Item>
        </Flex>
        <ReasonField />
      </Form>
    </Modal>
  );
}
