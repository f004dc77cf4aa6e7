import type { PlanTreeNode } from "@duban/domain";
import { Alert, Form } from "antd";
import { decideClose } from "../../api/decompose";
import { type Decision, DecisionButtons, type DecisionFields } from "../../components/decision-buttons";
import { useTaskWrite } from "./use-task-write";

/** 已申请办结 / 已销号 banner; on a pending request the supervision office confirms（销号）or returns it. */
export function ClosureBanner({ node }: { node: PlanTreeNode }) {
  if (node.status === "closed")
    return <Alert type="info" showIcon title="已销号" description="该任务已办结销号。" />;
  if (node.status !== "closing") return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="已申请办结，等待督查室确认"
      action={node.abilities.decideClose && <CloseDecisionButtons node={node} />}
    />
  );
}

function CloseDecisionButtons({ node }: { node: PlanTreeNode }) {
  const [form] = Form.useForm<DecisionFields>();
  const decide = useTaskWrite({
    mutationFn: ({ accept, reason }: Decision) =>
      decideClose(node.id, { decision: accept ? "confirm" : "return", reason, version: node.version }),
    success: ({ accept }) => (accept ? "已销号" : "已退回办结申请"),
    form,
  });
  return (
    <DecisionButtons
      acceptLabel="销号"
      returnLabel="退回"
      subject={node.title}
      accept={{ title: "确认销号？", content: `「${node.title}」销号后不能再修改或填报。`, okText: "销号" }}
      returnDialog={{
        title: "退回办结申请",
        okText: "确认退回",
        reasonLabel: "退回原因",
        reasonRequired: "请填写退回原因，告诉牵头科室还需做什么",
      }}
      form={form}
      onDecide={(decision) => decide.mutateAsync(decision)}
    />
  );
}
