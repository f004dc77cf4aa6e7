import { type RectificationSource, rectificationSourceLabels, rectificationSources } from "@duban/domain";
import { DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { createRectification, rectificationsKey } from "../../api/rectifications";
import { useUnitOptions } from "../../api/units";
import { optionsOf } from "../../components/select-options";
import { useWrite } from "../../hooks/use-write";

interface Values {
  unitId: string;
  problem: string;
  requirement: string;
  deadline: Dayjs;
  responsiblePerson?: string;
  source: RectificationSource;
}

/** 新建整改: an item entered by hand — unit, problem, requirement, deadline, responsible person, source. */
export function RectificationCreateDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const submit = useWrite({
    mutationFn: (v: Values) =>
      createRectification({
        unitId: v.unitId,
        problem: v.problem.trim(),
        requirement: v.requirement.trim(),
        deadline: v.deadline.format("YYYY-MM-DD"),
        responsiblePerson: v.responsiblePerson?.trim() || null,
        source: v.source,
      }),
    success: "整改事项已登记",
    refresh: rectificationsKey,
    form,
    onDone: onClose,
  });
  return (
    <Modal
      open
      title="新建整改"
      okText="登记"
      cancelText="取消"
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: "manual" }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item name="unitId" label="整改单位" rules={[{ required: true, message: "请选择整改单位" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="source" label="来源" rules={[{ required: true }]}>
          <Select options={optionsOf(rectificationSources, rectificationSourceLabels)} />
        </Form.Item>
        <Form.Item
          name="problem"
          label="存在的问题"
          rules={[{ required: true, whitespace: true, message: "请填写存在的问题" }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="requirement"
          label="整改要求"
          rules={[{ required: true, whitespace: true, message: "请填写整改要求" }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: "请选择整改时限" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label="责任人">
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
