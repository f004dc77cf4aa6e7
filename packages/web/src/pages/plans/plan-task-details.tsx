import { aggregationLabels, type Indicator, type PlanTreeNode } from "@duban/domain";
import { Flex, Table, Tag, Typography } from "antd";
import { IndicatorStatusTag } from "../../components/indicator-status-tag";
import { formatNumber, formatPlanDate, formatTarget } from "../../components/plan-format";

const indicatorColumns = [
  { title: "名称", dataIndex: "name" },
  {
    title: "目标",
    key: "target",
    width: 120,
    render: (_: unknown, i: Indicator) =>
      formatTarget({ comparator: i.comparator, value: i.targetValue, valueMax: i.targetMax, unit: i.unit }),
  },
  {
    title: "实际",
    dataIndex: "actual",
    width: 90,
    render: (value: number | null, i: Indicator) =>
      value === null ? "—" : `${formatNumber(value)}${i.unit ? ` ${i.unit}` : ""}`,
  },
  {
    title: "状态",
    dataIndex: "status",
    width: 150,
    render: (value: Indicator["status"], indicator: Indicator) => (
      <IndicatorStatusTag status={value} coverage={indicator.coverage} />
    ),
  },
  {
    title: "时限",
    dataIndex: "deadline",
    width: 110,
    render: (value: string | null) => formatPlanDate(value),
  },
  {
    title: "口径",
    dataIndex: "aggregation",
    width: 70,
    render: (value: Indicator["aggregation"]) => aggregationLabels[value],
  },
  {
    // 力争 / 争取 soften a target; shown as a tag beside it rather than a column of single words.
    title: "表述",
    dataIndex: "hedge",
    width: 70,
    render: (value: string | null) => value && <Tag>{value}</Tag>,
  },
];

/** What an expanded task shows: its measures, indicators and milestones. */
export function PlanTaskDetails({ node }: { node: PlanTreeNode }) {
  return (
    <Flex vertical gap={12} style={{ whiteSpace: "normal", maxWidth: 960 }}>
      {node.measures.length > 0 && (
        <div>
          <Typography.Text strong>措施</Typography.Text>
          <ol style={{ margin: "4px 0 0", paddingInlineStart: 22 }}>
            {node.measures.map((measure) => (
              <li key={measure.id}>{measure.text}</li>
            ))}
          </ol>
        </div>
      )}
      {node.indicators.length > 0 && (
        <div>
          <Typography.Text strong>指标</Typography.Text>
          <Table<Indicator>
            rowKey="id"
            size="small"
            columns={indicatorColumns}
            dataSource={node.indicators}
            pagination={false}
            scroll={{ x: "max-content" }}
          />
        </div>
      )}
      {node.milestones.length > 0 && (
        <div>
          <Typography.Text strong>节点</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 22 }}>
            {node.milestones.map((m) => (
              <li key={m.id}>
                {m.title} <Tag>{formatPlanDate(m.deadline)}</Tag>
                {m.hedge && <Tag color="orange">{m.hedge}</Tag>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {node.measures.length + node.indicators.length + node.milestones.length === 0 && (
        <Typography.Text type="secondary">{node.text || "没有措施、指标或节点"}</Typography.Text>
      )}
    </Flex>
  );
}
