import { CheckCircleOutlined, HistoryOutlined, SendOutlined } from "@ant-design/icons";
import type { Indicator, PlanDetail, PlanTreeNode } from "@duban/domain";
import { Button, Descriptions, Flex, Progress, Result, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useClosures } from "../../api/decompose";
import { useNodeApprovedReports } from "../../api/execution";
import { usePlan } from "../../api/plans";
import { InstructionsPanel } from "../../components/instructions-panel";
import { LightTag } from "../../components/light-tag";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { SuperiorRequirementsPanel } from "../../components/superior-requirements-panel";
import { AssignDialog } from "./assign-dialog";
import { ChangeLog } from "./change-log";
import { CloseRequestDialog } from "./close-request-dialog";
import { ClosureBanner } from "./closure-banner";
import { ClosureHistory } from "./closure-history";
import { DecomposeToolbar } from "./decompose-toolbar";
import { IndicatorDialog } from "./indicator-dialog";
import { ReportHistory } from "./report-history";
import { TaskAssignments } from "./task-assignments";
import { TaskIndicators } from "./task-indicators";
import { TaskItems } from "./task-items";
import { TaskSupervisionActions } from "./task-supervision";
import { findNode } from "./task-tree";

/** A task of a published plan (`/plans/:planId/tasks/:nodeId`). */
export function TaskPage() {
  const { planId = "", nodeId = "" } = useParams();
  const plan = usePlan(planId);
  if (plan.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (plan.isError) return <Result status="warning" title={plan.error.message} />;
  const node = findNode(plan.data.nodes, nodeId);
  if (!node) return <Result status="404" title="任务不存在或已被删除" />;
  return <TaskView plan={plan.data} node={node} />;
}

function TaskView({ plan, node }: { plan: PlanDetail; node: PlanTreeNode }) {
  const [assigning, setAssigning] = useState(false);
  const [closing, setClosing] = useState(false);
  const [showChanges, setShowChanges] = useState(false);
  const [editing, setEditing] = useState<Indicator | null>(null);
  const closures = useClosures(node.id);
  // The indicators' values over the cycles come from the approved reports only, asked for in pages of 200.
  const approved = useNodeApprovedReports(node.id, node.indicators.length > 0);
  // What the signed-in user may do with the task comes with it from the API.
  const { abilities } = node;

  return (
    <Flex vertical gap={16}>
      <div>
        <Link to={`/plans/${plan.id}`}>← {plan.title}</Link>
        <PageHeader
          title={`${node.label ?? ""}${node.title}`}
          actions={
            <Space wrap>
              {abilities.assign && (
                <Button type="primary" icon={<SendOutlined />} onClick={() => setAssigning(true)}>
                  交办
                </Button>
              )}
              {abilities.requestClose && (
                <Button icon={<CheckCircleOutlined />} onClick={() => setClosing(true)}>
                  申请办结
                </Button>
              )}
              <TaskSupervisionActions node={node} />
              <Button icon={<HistoryOutlined />} onClick={() => setShowChanges(true)}>
                变更记录
              </Button>
            </Space>
          }
        />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "lead", label: "牵头单位", children: node.leadUnit?.name ?? "—" },
            {
              key: "co",
              label: "配合单位",
              children: node.coUnits.map((u) => u.name).join("、") || "—",
            },
            { key: "light", label: "亮灯", children: <LightTag light={node.light} /> },
            { key: "start", label: "开始日期", children: formatPlanDate(node.startDate) },
            { key: "due", label: "完成时限", children: formatPlanDate(node.dueDate ?? node.deadline) },
            {
              key: "progress",
              label: "进度",
              children: <Progress percent={Math.round(node.progress)} size="small" style={{ width: 160 }} />,
            },
            { key: "weight", label: "权重", children: node.weight },
          ]}
        />
      </div>
      <ClosureBanner node={node} />
      <SuperiorRequirementsPanel nodeId={node.id} />
      <InstructionsPanel entity="plan_node" entityId={node.id} />
      {abilities.decompose && <DecomposeToolbar node={node} />}
      {node.text && (
        <blockquote
          aria-label="原文"
          style={{
            margin: 0,
            padding: "8px 16px",
            borderInlineStart: "4px solid #d9d9d9",
            background: "#fafafa",
          }}
        >
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
            {node.text}
          </Typography.Paragraph>
        </blockquote>
      )}
      <TaskItems node={node} />
      {node.indicators.length > 0 && (
        <section>
          <Typography.Title level={5}>指标</Typography.Title>
          <TaskIndicators
            planId={plan.id}
            indicators={node.indicators}
            reports={approved.data ?? []}
            onEdit={abilities.decompose ? setEditing : undefined}
          />
        </section>
      )}
      <section>
        <Typography.Title level={5}>交办单位</Typography.Title>
        <TaskAssignments nodeId={node.id} canAssign={abilities.assign} />
      </section>
      <section>
        <Typography.Title level={5}>填报记录</Typography.Title>
        <ReportHistory nodeId={node.id} indicators={node.indicators} />
      </section>
      {(closures.data ?? []).length > 0 && (
        <section>
          <Typography.Title level={5}>办结记录</Typography.Title>
          <ClosureHistory closures={closures.data ?? []} />
        </section>
      )}
      {assigning && <AssignDialog node={node} open={assigning} onClose={() => setAssigning(false)} />}
      {closing && <CloseRequestDialog node={node} onClose={() => setClosing(false)} />}
      {editing && <IndicatorDialog nodeId={node.id} indicator={editing} onClose={() => setEditing(null)} />}
      <ChangeLog planId={plan.id} node={node} open={showChanges} onClose={() => setShowChanges(false)} />
    </Flex>
  );
}
