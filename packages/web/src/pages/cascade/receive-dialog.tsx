import type { PlanTreeNode, ReceivedHandDown } from "@duban/domain";
import { Form, Modal, Radio, Select, Typography } from "antd";
import { useState } from "react";
import { cascadeKey, linkReceived } from "../../api/cascade";
import { plansKey, usePlan, usePlans } from "../../api/plans";
import { useWrite } from "../../hooks/use-write";
import { taskName, tasksOf } from "./hand-down-dialog";

interface Values {
  planId: string;
  how: "link" | "create";
  nodeId?: string;
  parentId?: string;
}

function sectionsOf(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) =>
    n.level === "section" || n.level === "subsection" ? [n, ...sectionsOf(n.children)] : [],
  );
}

/** 接收: link a superior's hand-down to a task of an own plan, or create a task from it. */
export function ReceiveDialog({ item, onClose }: { item: ReceivedHandDown | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [planId, setPlanId] = useState<string>();
  const how = Form.useWatch("how", form) ?? "link";
  const plans = usePlans(undefined);
  const plan = usePlan(planId ?? "");
  const write = useWrite({
    mutationFn: (v: Values) =>
      linkReceived(
        item!.id,
        v.how === "link"
          ? { version: item!.version, nodeId: v.nodeId! }
          : { version: item!.version, create: { planId: v.planId, parentId: v.parentId ?? null } },
      ),
    success: "已关联，本局任务的审核通过进展将报送上级",
    refresh: cascadeKey,
    also: [plansKey],
    form,
    onDone: onClose,
  });
  const nodes = plan.data?.nodes ?? [];
  return (
    <Modal
      title="接收上级下达的任务"
      open={!!item}
      okText="确认接收"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={write.isPending}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph type="secondary">
          {item.from.name}：{taskName(item.superiorNode)}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ how: "link" }} onFinish={(v) => write.mutate(v)}>
        <Form.Item name="planId" label="本局计划" rules={[{ required: true, message: "请选择本局计划" }]}>
          <Select
            placeholder="选择计划"
            loading={plans.isPending}
            onChange={(v: string) => setPlanId(v)}
            // Only a published plan's tasks can be linked (the server refuses the others).
            options={(plans.data?.items ?? [])
              .filter((p) => p.status === "published")
              .map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="how" label="接收方式">
          <Radio.Group
            options={[
              { value: "link", label: "关联本局已有任务" },
              { value: "create", label: "据此新建任务" },
            ]}
          />
        </Form.Item>
        {how === "link" ? (
          <Form.Item
            name="nodeId"
            label="本局任务"
            rules={[{ required: true, message: "请选择要关联的任务" }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="选择任务"
              loading={!!planId && plan.isPending}
              options={tasksOf(nodes).map((n) => ({ value: n.id, label: taskName(n) }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="parentId" label="放在哪一部分下">
            <Select
              allowClear
              placeholder="不选则放在计划末尾"
              options={sectionsOf(nodes).map((n) => ({ value: n.id, label: taskName(n) }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
