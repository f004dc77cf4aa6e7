import type { AssessmentResultView } from "@duban/domain";
import { Empty, type TableColumnsType, Tag, Typography } from "antd";
import { ResponsiveTable } from "../../components/responsive-table";
import { formatPoints } from "./points";

const columns: TableColumnsType<AssessmentResultView> = [
  { title: "名次", dataIndex: "rank", width: 64 },
  { title: "单位", dataIndex: "unitName" },
  { title: "总分", key: "total", width: 90, render: (_, r) => formatPoints(r.total, false) },
  {
    title: "等次",
    key: "grade",
    render: (_, r) => (
      <>
        <Tag color={r.vetoed ? "red" : "blue"}>{r.grade}</Tag>
        {r.gradeNote && <Typography.Text type="secondary">{r.gradeNote}</Typography.Text>}
      </>
    ),
  },
];

/** The ranking of one category, best first; a click opens the unit's breakdown. */
export function RankingTable({
  rows,
  onOpen,
}: {
  rows: AssessmentResultView[];
  onOpen: (row: AssessmentResultView) => void;
}) {
  return (
    <ResponsiveTable<AssessmentResultView>
      rowKey="unitId"
      size="middle"
      columns={columns}
      dataSource={[...rows].sort((a, b) => a.rank - b.rank)}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: "max-content" }}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: "pointer" } })}
      locale={{ emptyText: <Empty description="该类别没有参评单位" /> }}
    />
  );
}
