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

interface Values {
  nodeId: string;
  /** "task", or one measure or indicator of the task as `measure:<id>` / `indicator:<id>`. */
  part: string;
  tenantIds: string[];
}

/** The request body of the chosen part: the whole task, or one of its measures or indicators. */
function partBody(v: Values) {
  const [kind, id] = v.part.split(":");
  return {
    tenantIds: v.tenantIds,
    ...(kind === "measure" ? { measureId: id } : kind === "indicator" ? { indicatorId: id } : {}),
  };
}

/** 下达任务: the 督查室 picks a task of the plan (or one of its measures or indicators) and the bureaus. */
export function HandDownDialog({
  plan,
  open,
  onClose,
}: {
  plan: PlanDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const subordinates = useSubordinates();
  const tasks = tasksOf(plan.nodes);
  const nodeId = Form.useWatch("nodeId", form);
  const chosen = tasks.find((n) => n.id === nodeId);
  const write = useWrite({
    mutationFn: (v: Values) => handDown(v.nodeId, partBody(v)),
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
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ part: "task" }}
          onFinish={(v) => write.mutate(v)}
        >
          <Form.Item name="nodeId" label="任务" rules={[{ required: true, message: "请选择要下达的任务" }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="选择本局计划中的一项任务"
              options={tasks.map((n) => ({ value: n.id, label: taskName(n) }))}
              onChange={() => form.setFieldValue("part", "task")}
            />
          </Form.Item>
          <Form.Item name="part" label="下达内容">
            <Select
              options={[
                { value: "task", label: "整项任务（含全部指标）" },
                ...(chosen?.measures ?? []).map((m) => ({
                  value: `measure:${m.id}`,
                  label: `措施：${m.text}`,
                })),
                ...(chosen?.indicators ?? []).map((i) => ({
                  value: `indicator:${i.id}`,
                  label: `指标：${i.name}`,
                })),
              ]}
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
