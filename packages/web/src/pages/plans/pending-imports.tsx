import type { TableColumnsType } from "antd";
import { Card } from "antd";
import { Link } from "react-router";
import { type PendingImport, usePendingImports } from "../../api/plans";
import { formatDateTime } from "../../components/date-format";
import { ResponsiveTable } from "../../components/responsive-table";

const columns: TableColumnsType<PendingImport> = [
  {
    title: "标题",
    dataIndex: "title",
    render: (title: string, item) => <Link to={`/plan-imports/${item.id}`}>{title || "（无标题）"}</Link>,
  },
  {
    // The uploaded file's name, "复制自 <plan>" for a copy, or 粘贴的文本.
    title: "来源",
    dataIndex: "filename",
    width: 220,
    render: (value: string | null) => value ?? "粘贴的文本",
  },
  {
    title: "更新时间",
    dataIndex: "updatedAt",
    width: 170,
    render: (value: string) => formatDateTime(value),
  },
];

/** Imports still under review; shown only when there are some. */
export function PendingImports() {
  const pending = usePendingImports(true);
  if (!pending.data?.length) return null;
  return (
    <Card size="small" title={`待审核的计划（${pending.data.length}）`} style={{ marginBottom: 16 }}>
      <ResponsiveTable<PendingImport>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={pending.data}
        pagination={false}
        scroll={{ x: "max-content" }}
      />
    </Card>
  );
}
