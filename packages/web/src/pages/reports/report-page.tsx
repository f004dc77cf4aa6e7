import type { Assignment, Report } from "@duban/domain";
import { Alert, Card, Flex, Result, Spin, Typography } from "antd";
import { useParams } from "react-router";
import { type Cycle, useAssignment, useCycles, useReportsOf } from "../../api/execution";
import { usePlan } from "../../api/plans";
import { AcknowledgeButton } from "../../components/acknowledge-button";
import { formatPlanDate } from "../../components/plan-format";
import { ExtensionButton } from "../extensions/extension-dialog";
import { findNode } from "../tasks/task-tree";
import { ReportContext } from "./report-context";
import { ReportForm } from "./report-form";

/** 填报 (`/assignments/:id/report`): this cycle's report of an assignment, made for a phone. */
export function ReportPage() {
  const { id = "" } = useParams();
  const assignment = useAssignment(id);
  if (assignment.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (assignment.isError) return <Result status="warning" title={assignment.error.message} />;
  return <ReportLoader assignment={assignment.data} />;
}

function ReportLoader({ assignment }: { assignment: Assignment }) {
  const plan = usePlan(assignment.planId);
  const cycles = useCycles(assignment.planId);
  const reports = useReportsOf([assignment.id]);
  if (plan.isPending || cycles.isPending || reports.isPending)
    return <Spin style={{ display: "block", margin: "80px auto" }} />;
  const error = plan.error ?? cycles.error ?? reports.error;
  if (error) return <Result status="warning" title={error.message} />;
  const cycle = cycles.data?.find((c) => c.status === "open") ?? null;
  const report = cycle ? (reports.data?.find((r) => r.cycle.id === cycle.id) ?? null) : null;
  const node = plan.data ? findNode(plan.data.nodes, assignment.node.id) : null;
  const indicators = (node?.indicators ?? []).filter((i) => assignment.indicatorIds.includes(i.id));
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {assignment.node.number ? `${assignment.node.number}. ` : ""}
        {assignment.node.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {assignment.unit.name}
        {cycle && ` · ${cycle.name} · 截止 ${formatPlanDate(cycle.dueDate)}`}
        {assignment.dueDate && ` · 完成时限 ${formatPlanDate(assignment.dueDate)}`}
      </Typography.Text>
      <ExtensionButton assignment={assignment} size="small" style={{ alignSelf: "flex-start" }} />
      <ReportContext
        node={node}
        assignment={assignment}
        cycle={cycle}
        indicators={indicators}
        reports={reports.data ?? []}
      />
      {assignment.abilities.acknowledge && (
        <Alert
          type="warning"
          showIcon
          title="这项工作尚未签收"
          action={<AcknowledgeButton assignment={assignment} type="primary" size="small" />}
        />
      )}
      <ReportBody assignment={assignment} cycle={cycle} report={report} indicators={indicators} />
    </Flex>
  );
}

function ReportBody({
  assignment,
  cycle,
  report,
  indicators,
}: {
  assignment: Assignment;
  cycle: Cycle | null;
  report: Report | null;
  indicators: NonNullable<ReturnType<typeof findNode>>["indicators"];
}) {
  if (!cycle)
    return <Result status="info" title="当前没有进行中的填报周期" subTitle="督查室开启本期填报后即可填写" />;
  if (!assignment.abilities.report) return <Result status="warning" title="这项工作不由本单位填报" />;
  if (report && !report.abilities.edit)
    return (
      <Card size="small">
        <Alert
          type={report.status === "approved" ? "success" : "info"}
          showIcon
          title={report.status === "approved" ? "本期填报已通过审核" : "本期已提交，等待审核"}
        />
      </Card>
    );
  return (
    <>
      {report?.status === "returned" && (
        <Alert
          type="error"
          showIcon
          title="本期填报被退回，请修改后重新提交"
          description={`退回原因：${report.returnReason ?? "—"}`}
        />
      )}
      <ReportForm assignmentId={assignment.id} cycle={cycle} report={report} indicators={indicators} />
    </>
  );
}
