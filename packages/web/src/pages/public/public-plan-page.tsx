import type { PublicPlan, PublicTask } from "@duban/domain";
import { Card, Flex, Layout, Progress, Result, Spin, Typography } from "antd";
import { useParams } from "react-router";
import { isApiError } from "../../api/client";
import { usePublicPlan } from "../../api/public";

import { IndicatorStatusTag } from "../../components/indicator-status-tag";
import { LightCounts, LightTag } from "../../components/light-tag";
import { formatDay, formatNumber, formatTarget } from "../../components/plan-format";

/** The public progress page（政务公开, `/public/:tenantSlug/:planId`）: no sign-in, laid out for a phone first. */
export function PublicPlanPage() {
  const { tenantSlug = "", planId = "" } = useParams();
  const plan = usePublicPlan(tenantSlug, planId);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Content style={{ maxWidth: 880, width: "100%", margin: "0 auto", padding: 12 }}>
        {plan.isPending ? (
          <Spin style={{ display: "block", margin: "80px auto" }} />
        ) : plan.isError ? (
          <Result
            status={isApiError(plan.error, "not_found") ? "404" : "warning"}
            title={isApiError(plan.error, "not_found") ? "该计划未公开或不存在" : plan.error.message}
          />
        ) : (
          <PublicPlanView plan={plan.data} />
        )}
      </Layout.Content>
    </Layout>
  );
}

function PublicPlanView({ plan }: { plan: PublicPlan }) {
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text type="secondary">{plan.bureau}</Typography.Text>
        <Typography.Title level={3} style={{ margin: "4px 0" }}>
          {plan.plan.title}
        </Typography.Title>
        <Typography.Text type="secondary">数据截至 {formatDay(plan.asOf)}</Typography.Text>
      </div>
      <Card size="small" title="总体进度">
        <Flex vertical gap={8}>
          <Progress percent={plan.summary.progress} aria-label="公开任务平均进度" />
          <Typography.Text type="secondary">
            公开任务 {plan.summary.taskCount} 项，序时进度 {formatNumber(plan.summary.expectedProgress)}%
          </Typography.Text>
          <LightCounts counts={plan.summary.tasks} />
        </Flex>
      </Card>
      {plan.sections.map((section) => (
        <Card key={section.id ?? "none"} size="small" title={section.title ?? "其他任务"}>
          <Flex vertical gap={16}>
            {section.tasks.map((task) => (
              <TaskBlock key={task.id} task={task} />
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

function TaskBlock({ task }: { task: PublicTask }) {
  return (
    <div>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong>
          {task.code ? `${task.code} ` : ""}
          {task.title}
        </Typography.Text>
        <LightTag light={task.light} />
      </Flex>
      <Progress percent={task.progress} size="small" aria-label={`${task.title} 进度`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        序时进度 {formatNumber(task.expectedProgress)}% · 完成时限 {formatDay(task.dueDate)}
      </Typography.Text>
      {task.indicators.map((i) => (
        <Flex key={i.id} wrap gap={8} align="center" style={{ marginTop: 6 }}>
          <Typography.Text>{i.name}</Typography.Text>
          <Typography.Text type="secondary">
            目标{" "}
            {formatTarget({ comparator: i.comparator, value: i.target, valueMax: i.targetMax, unit: i.unit })}
            ，当前 {i.value === null ? "—" : `${formatNumber(i.value)} ${i.unit}`}
          </Typography.Text>
          <IndicatorStatusTag status={i.status} coverage={{ reported: i.reported, expected: i.expected }} />
        </Flex>
      ))}
    </div>
  );
}
