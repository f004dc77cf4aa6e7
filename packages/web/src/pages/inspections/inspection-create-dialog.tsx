import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { createInspection, inspectionsKey } from "../../api/inspections";
import { useUnitOptions } from "../../api/units";
import { useWrite } from "../../hooks/use-write";

interface Values {
  unitId: string;
  visitDate: Dayjs;
  kind: string;
  findings: { text: string }[];
}

const kinds = ["经常性督导", "专项督导", "随机督导", "开学检查", "安全检查"];

/** 记录督导: the inspector's visit to a school, with the problems found there. */
export function InspectionCreateDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const schools = (units.data ?? []).filter((u) => u.kind === "school");
  const submit = useWrite({
    mutationFn: (v: Values) =>
      createInspection({
        unitId: v.unitId,
        visitDate: v.visitDate.format("YYYY-MM-DD"),
        kind: v.kind.trim(),
        findings: (v.findings ?? []).map((f) => ({ text: f.text.trim() })),
      }),
    success: "督导记录已保存",
    refresh: inspectionsKey,
    form,
    onDone: onClose,
  });
  return (
    <Modal
      open
      title="记录督导"
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visitDate: dayjs(), kind: kinds[0], findings: [{ text: "" }] }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item name="unitId" label="学校" rules={[{ required: true, message: "请选择学校" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={schools.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="visitDate" label="督导日期" rules={[{ required: true, message: "请选择日期" }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="kind"
            label="督导类型"
            style={{ flex: 1, minWidth: 200 }}
            rules={[{ required: true, whitespace: true, message: "请填写督导类型" }]}
          >
            <Select options={kinds.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        </Flex>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, "text"]}
                    label={index === 0 ? "发现的问题" : undefined}
                    style={{ flex: 1 }}
                    rules={[{ required: true, whitespace: true, message: "请填写发现的问题" }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} placeholder={`问题 ${index + 1}`} />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label="删除该问题"
                    icon={<MinusCircleOutlined />}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: "" })}>
                添加问题
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
