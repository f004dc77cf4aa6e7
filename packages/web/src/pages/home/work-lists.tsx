import { type MyWork, type Role, type WorkItem, type WorkItemKind, workItemKindLabels } from "@duban/domain";
import { Card, Flex, List, type TablePaginationConfig, Tag, Typography } from "antd";
import { Link } from "react-router";
import { AcknowledgeButton } from "../../components/acknowledge-button";
import { lightTagColors } from "../../components/light-tag";
import { NavButton } from "../../components/nav-button";

/** The one action each kind of item leads to, as its button says it. */
const actionLabels: Record<WorkItemKind, string> = {
  report_returned: "修改并重新提交",
  notice_reply: "回复",
  cascade_notice_reply: "回复",
  rectification_submit: "提交整改",
  report_due: "填报",
  assignment_acknowledge: "签收",
  hand_down_link: "接收",
  instruction_acknowledge: "查看并签收",
  extension_decide: "审批",
  report_review: "审核",
  notice_decide: "办结审核",
  cascade_notice_decide: "审核",
  rectification_verify: "验收",
};

/** How far off the due date is, in words: “逾期 3 天”, “今天到期”, “还剩 5 天”. */
export function dueText(daysLeft: number): string {
  if (daysLeft < 0) return `逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return "今天到期";
  return `还剩 ${daysLeft} 天`;
}

/** The due date with its light, or “无时限” for an item without a deadline. */
function DueTag({ item }: { item: WorkItem }) {
  if (item.due === null || item.daysLeft === null)
    return <Typography.Text type="secondary">无时限</Typography.Text>;
  return (
    <span>
      截止 {item.due}
      <Tag color={lightTagColors[item.light]} style={{ marginInlineStart: 8 }}>
        {dueText(item.daysLeft)}
      </Tag>
    </span>
  );
}

/** One waiting item: its kind, what it is about (a link to the record), context, due date, and its action. */
function WorkRow({ item }: { item: WorkItem }) {
  const danger = item.kind === "report_returned" || item.light === "red";
  return (
    <List.Item>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ width: "100%" }}>
        <Flex vertical gap={2} style={{ minWidth: 0, flex: "1 1 240px" }}>
          <span>
            <Tag color={danger ? "red" : "blue"}>{workItemKindLabels[item.kind]}</Tag>
            <Link to={item.link}>
              <Typography.Text strong>{item.title}</Typography.Text>
            </Link>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {item.detail}
          </Typography.Text>
          <span style={{ fontSize: 13 }}>
            <DueTag item={item} />
          </span>
        </Flex>
        {item.assignment ? (
          <AcknowledgeButton assignment={item.assignment} type="primary" />
        ) : (
          <NavButton to={item.link} type="primary" danger={item.kind === "report_returned"}>
            {actionLabels[item.kind]}
          </NavButton>
        )}
      </Flex>
    </List.Item>
  );
}

/** 我的工作: one page of the waiting items, most urgent first, as the server ordered them. */
export function WorkList({ page, pagination }: { page: MyWork; pagination: TablePaginationConfig }) {
  return (
    <Card size="small" title={`待办（${page.total}）`} aria-label="待办事项">
      <List
        dataSource={page.items}
        rowKey="key"
        renderItem={(item) => <WorkRow item={item} />}
        pagination={
          page.total > page.pageSize
            ? {
                current: pagination.current,
                pageSize: pagination.pageSize,
                total: pagination.total,
                simple: pagination.simple,
                showTotal: pagination.showTotal,
                onChange: pagination.onChange,
                align: "end",
              }
            : false
        }
      />
    </Card>
  );
}

/** What an empty 我的工作 says, by the user's first role in this order: what would appear here when there is work. */
const emptyTexts: [Role, string][] = [
  [
    "school",
    "本单位暂无待办：交办的工作待签收、本期待填报、督办单待回复、整改待提交、领导批示待签收时会列在这里。",
  ],
  ["department", "本科室暂无待办：待审核的填报、待审批的延期申请、督办单和批示会列在这里。"],
  [
    "supervisor",
    "暂无待办：已回复待办结的督办单、待验收的整改、待审批的延期申请，上级下达待接收、上级督办待回复和下级回复待审核的事项会列在这里。",
  ],
  ["inspector", "暂无待办：您录入的整改事项提交后，待验收的会列在这里。"],
  ["leader", "暂无待办。您的批示可在“我的批示”中查看签收情况。"],
  ["admin", "暂无待办：待验收的整改事项会列在这里。"],
];

/** The empty state of 我的工作 for the user's roles. */
export function emptyWorkText(roles: readonly Role[]): string {
  return emptyTexts.find(([role]) => roles.includes(role))?.[1] ?? "暂无待办事项";
}
