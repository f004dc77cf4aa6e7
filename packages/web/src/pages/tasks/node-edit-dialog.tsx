import type { PlanTreeNode } from "@duban/domain";
import { DatePicker, Form, Input, InputNumber, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { type NodeUpdateInput, updateNode } from "../../api/decompose";
import { useUnitOptions } from "../../api/units";
import { apiDate, pickerValue } from "./date-field";
import { ReasonField } from "./reason-field";
import { useTaskWrite } from "./use-task-write";

interface NodeEditValues {
  title: string;
  startDate: Dayjs | null;
  dueDate: Dayjs | null;
  weight: number;
  leadUnitId?: string | null;
  reason: string;
}

/** Only the fields the user changed go to the server, so 变更记录 lists exactly those. */
function changesOf(node: PlanTreeNode, values: NodeEditValues, canChangeLead: boolean): NodeUpdateInput {
  const input: NodeUpdateInput = { reason: values.reason.trim(), version: node.version };
  const title = values.title.trim();
  if (title !== node.title) input.title = title;
  const startDate = apiDate(values.startDate);
  if (startDate !== (pickerValue(node.startDate) ? node.startDate : null)) input.startDate = startDate;
  const dueDate = apiDate(values.dueDate);
  if (dueDate !== (pickerValue(node.dueDate) ? node.dueDate : null)) input.dueDate = dueDate;
  if (values.weight !== node.weight) input.weight = values.weight;
  const leadUnitId = values.leadUnitId ?? null;
  if (canChangeLead && leadUnitId !== (node.leadUnit?.id ?? null)) input.leadUnitId = leadUnitId;
  return input;
}

/** 编辑任务: title, dates, weight and (for the supervision office) the lead unit, with a reason. */
export function NodeEditDialog({
  node,
  canChangeLead,
  onClose,
}: {
  node: PlanTreeNode;
  canChangeLead: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<NodeEditValues>();
  const units = useUnitOptions();
  const save = useTaskWrite({
    mutationFn: (values: NodeEditValues) => updateNode(node.id, changesOf(node, values, canChangeLead)),
    success: "任务已更新",
    form,
    onDone: onClose,
  });
  return (
    <Modal
      title="编辑任务"
      open
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: node.title,
          startDate: pickerValue(node.startDate),
          dueDate: pickerValue(node.dueDate),
          weight: node.weight,
          leadUnitId: node.leadUnit?.id ?? null,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="title"
          label="标题"
          rules={[{ required: true, whitespace: true, message: "请填写标题" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="startDate" label="开始日期">
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label="截止日期"
          dependencies={["startDate"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null) => {
                const start: Dayjs | null = getFieldValue("startDate");
                return value && start && value.isBefore(start, "day")
                  ? Promise.reject(new Error("截止日期不能早于开始日期"))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="weight" label="权重" rules={[{ required: true, message: "请填写权重" }]}>
          <InputNumber min={0} max={1000} style={{ width: "100%" }} />
        </Form.Item>
        {canChangeLead && (
          <Form.Item name="leadUnitId" label="牵头单位">
            <Select
              showSearch={{ optionFilterProp: "label" }}
              allowClear
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
        <ReasonField />
      </Form>
    </Modal>
  );
}
