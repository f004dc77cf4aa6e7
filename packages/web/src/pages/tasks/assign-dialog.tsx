import { assignmentRoleLabels, assignmentRoles, type PlanTreeNode } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { createAssignments, executionKey } from "../../api/execution";
import { useGroups } from "../../api/groups";
import { plansKey } from "../../api/plans";
import { useUnitOptions } from "../../api/units";
import { useErrorHandler } from "../../hooks/use-error-handler";

interface AssignValues {
  unitIds?: string[];
  groupIds?: string[];
  role: (typeof assignmentRoles)[number];
  responsiblePerson?: string;
  dueDate?: Dayjs | null;
  indicatorIds?: string[];
}

const roleOptions = assignmentRoles.map((role) => ({ value: role, label: assignmentRoleLabels[role] }));

/** 交办: hands the task to units one by one and/or whole groups; units already assigned are skipped. */
export function AssignDialog({
  node,
  open,
  onClose,
}: {
  node: PlanTreeNode;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignValues>();
  const units = useUnitOptions();
  const groups = useGroups("", { page: 1, pageSize: 200 });
  const onError = useErrorHandler();
  const assign = useMutation({
    mutationFn: (values: AssignValues) =>
      createAssignments(node.id, {
        unitIds: values.unitIds ?? [],
        groupIds: values.groupIds ?? [],
        role: values.role,
        responsiblePerson: values.responsiblePerson?.trim() || null,
        dueDate: values.dueDate ? values.dueDate.format("YYYY-MM-DD") : null,
        indicatorIds: values.indicatorIds ?? [],
      }),
    onSuccess: ({ created, skipped }) => {
      message.success(`已交办 ${created} 个单位，跳过 ${skipped} 个已交办的单位`);
      void queryClient.invalidateQueries({ queryKey: executionKey });
      void queryClient.invalidateQueries({ queryKey: plansKey });
      form.resetFields();
      onClose();
    },
    onError: (error) => onError(error, form),
  });
  return (
    <Modal
      title={`交办：${node.title}`}
      open={open}
      okText="确定交办"
      cancelText="取消"
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={{ role: "executor", indicatorIds: [] }}
        onFinish={(values) => {
          if (!values.unitIds?.length && !values.groupIds?.length) {
            form.setFields([{ name: "unitIds", errors: ["请至少选择一个单位或分组"] }]);
            return;
          }
          assign.mutate(values);
        }}
      >
        <Form.Item name="unitIds" label="单位">
          <Select
            mode="multiple"
            allowClear
            placeholder="逐个选择单位"
            loading={units.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="groupIds" label="分组" extra="按分组交办时，分组内的每个单位各交办一份">
          <Select
            mode="multiple"
            allowClear
            placeholder="如：全部公办幼儿园"
            loading={groups.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={(groups.data?.items ?? [])
              .filter((g) => g.enabled)
              .map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: "请选择角色" }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label="责任人">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="dueDate" label="完成时限">
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        {node.indicators.length > 0 && (
          <Form.Item name="indicatorIds" label="填报指标">
            <Checkbox.Group
              style={{ display: "flex", flexDirection: "column", gap: 4 }}
              options={node.indicators.map((i) => ({ value: i.id, label: i.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
