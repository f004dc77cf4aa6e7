import type { Instruction } from "@duban/domain";
import { Empty, type TableColumnsType, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useMyInstructions } from "../../api/instructions";
import { formatDateTime } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";

const entityLabels: Record<Instruction["entity"], string> = {
  plan_node: "任务",
  report: "反馈",
  notice: "督办单",
  rectification: "整改事项",
};

/** Where an instruction's item opens; tasks and reports open through the assignment-less task link when known. */
function itemLink(i: Instruction): string | null {
  if (i.entity === "notice") return `/notices/${i.entityId}`;
  if (i.entity === "rectification") return `/rectifications/${i.entityId}`;
  return null;
}

const columns: TableColumnsType<Instruction> = [
  {
    title: "批示时间",
    dataIndex: "createdAt",
    width: 150,
    render: (v: string) => formatDateTime(v),
  },
  {
    title: "批示对象",
    key: "entity",
    width: 110,
    render: (_, i) => {
      const link = itemLink(i);
      return link ? <Link to={link}>{entityLabels[i.entity]}</Link> : entityLabels[i.entity];
    },
  },
  { title: "责任单位", key: "unit", width: 150, render: (_, i) => i.unit.name },
  {
    title: "批示内容",
    dataIndex: "text",
    render: (v: string) => (
      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0, maxWidth: 480 }}>
        {v}
      </Typography.Paragraph>
    ),
  },
  {
    title: "签收",
    key: "state",
    width: 170,
    render: (_, i) => (
      <>
        <Tag color={i.state === "已签收" ? "success" : "warning"}>{i.state}</Tag>
        {i.acknowledgedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(i.acknowledgedAt)}
          </Typography.Text>
        )}
      </>
    ),
  },
];

/** 我的批示 (`/instructions/mine`): the leader's own instructions and whether each unit has acknowledged. */
export function MyInstructionsPage() {
  const { paging, pagination } = useTablePaging();
  const list = useMyInstructions(paging);
  return (
    <>
      <PageHeader title="我的批示" />
      <ResponsiveTable<Instruction>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : "暂无批示"} /> }}
      />
    </>
  );
}
