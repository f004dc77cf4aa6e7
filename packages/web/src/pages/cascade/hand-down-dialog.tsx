import type { PlanDetail, PlanTreeNode } from "@duban/domain";
import { Checkbox, Empty, Form, Modal, Select } from "antd";
import { cascadeKey, handDown, useSubordinates } from "../../api/cascade";
import { useWrite } from "../../hooks/use-write";

/** Every task of a plan tree, in document order. */
export function tasksOf(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [
    ...(n.level === "task" || n.level === "subtask" ? [n] : []),
    ...tasksOf(n.children),
  ]);
}

/** A task's name as lists show it: its label and title. */
export function taskName(n: { label: string | null; title: string }): string {
  return `${n.label ?? ""}${n.title}`;
}

/** 下达任务: the 督查室 picks a task of the plan and the subordinate bureaus, then confirms. */
export function HandDownDialog({
  plan,
  open,
  onClose,
}: {
  plan: PlanDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ nodeId: string; tenantIds: string[] }>();
  const subordinates = useSubordinates();
  const write = useWrite({
    mutationFn: (v: { nodeId: string; tenantIds: string[] }) =>
      handDown(v.nodeId, { tenantIds: v.tenantIds }),
    success: (h) => `已下达：${h.title}`,
    refresh: cascadeKey,
    form,
    onDone: () => {
      form.resetFields();
      onClose();
    },
  });
  const below = subordinates.data?.items ?? [];
  return (
    <Modal
      title="下达任务"
      open={open}
      okText="确认下达"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={write.isPending}
      destroyOnHidden
    >
      {below.length === 0 && !subordinates.isPending ? (
        <Empty description="本局还没有下级教育局，请联系平台管理员设置" />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => write.mutate(v)}>
          <Form.Item name="nodeId" label="任务" rules={[{ required: true, message: "请选择要下达的任务" }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="选择本局计划中的一项任务"
              options={tasksOf(plan.nodes).map((n) => ({ value: n.id, label: taskName(n) }))}
            />
          </Form.Item>
          <Form.Item
            name="tenantIds"
            label="下达给"
            rules={[{ required: true, message: "请选择至少一个下级教育局" }]}
          >
            <Checkbox.Group options={below.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
