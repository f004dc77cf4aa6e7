import { type Assignment, assignmentRoleLabels } from "@duban/domain";
import { Card, Flex, List, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { DueReport, ReviewItem } from "../../api/execution";
import { AcknowledgeButton } from "../../components/acknowledge-button";
import { NavButton } from "../../components/nav-button";
import { formatPlanDate } from "../../components/plan-format";

const taskTitle = (node: { number: number | null; title: string }) =>
  `${node.number ? `${node.number}. ` : ""}${node.title}`;

/** One to-do: what, details beneath, and the one action that moves it on. */
function WorkRow({ title, meta, action }: { title: ReactNode; meta: ReactNode; action: ReactNode }) {
  return (
    <List.Item>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ width: "100%" }}>
        <Flex vertical style={{ minWidth: 0, flex: "1 1 220px" }}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {meta}
          </Typography.Text>
        </Flex>
        {action}
      </Flex>
    </List.Item>
  );
}

/** A section of 我的工作 with its count; left out when empty. */
function WorkSection<T>({
  title,
  items,
  render,
}: {
  title: string;
  items: T[];
  render: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Card size="small" title={`${title}（${items.length}）`} aria-label={title}>
      <List dataSource={items} renderItem={(item) => render(item)} />
    </Card>
  );
}

/** 待签收: assignments the unit has not acknowledged yet. */
export function ToAcknowledge({ items }: { items: Assignment[] }) {
  return (
    <WorkSection
      title="待签收"
      items={items}
      render={(a) => (
        <WorkRow
          key={a.id}
          title={taskTitle(a.node)}
          meta={`${assignmentRoleLabels[a.role]} · 时限 ${formatPlanDate(a.dueDate)}`}
          action={<AcknowledgeButton assignment={a} type="primary" />}
        />
      )}
    />
  );
}

/** 待填报: this cycle's reports still to write, most urgent first. */
export function ToReport({ items }: { items: DueReport[] }) {
  return (
    <WorkSection
      title="待填报"
      items={items}
      render={(d) => (
        <WorkRow
          key={`${d.assignment.id}:${d.cycle.id}`}
          title={taskTitle(d.assignment.node)}
          meta={
            <>
              {d.cycle.name} · 截止 {formatPlanDate(d.cycle.dueDate)}
              {d.report?.status === "draft" && <Tag style={{ marginInlineStart: 8 }}>草稿</Tag>}
            </>
          }
          action={
            <NavButton to={`/assignments/${d.assignment.id}/report`} type="primary">
              填报
            </NavButton>
          }
        />
      )}
    />
  );
}

/** 被退回: returned reports with the reviewer's reason. */
export function Returned({ items }: { items: DueReport[] }) {
  return (
    <WorkSection
      title="被退回"
      items={items}
      render={(d) => (
        <WorkRow
          key={`${d.assignment.id}:${d.cycle.id}`}
          title={taskTitle(d.assignment.node)}
          meta={
            <>
              {d.cycle.name} · 截止 {formatPlanDate(d.cycle.dueDate)}
              <br />
              <Typography.Text type="danger">
                退回原因：{d.returnReason ?? d.report?.returnReason ?? "—"}
              </Typography.Text>
            </>
          }
          action={
            <NavButton to={`/assignments/${d.assignment.id}/report`} type="primary" danger>
              修改并重新提交
            </NavButton>
          }
        />
      )}
    />
  );
}

/** 待审核: submitted reports on tasks the department leads. */
export function ToReview({ items }: { items: ReviewItem[] }) {
  return (
    <WorkSection
      title="待审核"
      items={items}
      render={(r) => (
        <WorkRow
          key={r.reportId}
          title={`${r.unitName}：${taskTitle(r.node)}`}
          meta={
            <>
              {r.cycleName} · 进度 {Math.round(r.progress)}%
              {r.late && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  迟报
                </Tag>
              )}
            </>
          }
          action={
            <NavButton to={`/assignments/${r.assignmentId}?report=${r.reportId}`} type="primary">
              审核
            </NavButton>
          }
        />
      )}
    />
  );
}
