import { type Assignment, assignmentRoleLabels } from "@duban/domain";
import { Flex, Progress, Result, Spin, type TableColumnsType, Tag } from "antd";
import { Link, useParams } from "react-router";
import { useUnitAssignments } from "../../api/execution";
import { AcknowledgeButton } from "../../components/acknowledge-button";
import { AcknowledgedTag } from "../../components/acknowledged-tag";
import { LightTag } from "../../components/light-tag";
import { NavButton } from "../../components/nav-button";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";

const columns: TableColumnsType<Assignment> = [
  {
    title: "任务",
    key: "task",
    render: (_, a) => (
      <Link to={`/plans/${a.planId}/tasks/${a.node.id}`}>
        {a.node.number ? `${a.node.number}. ` : ""}
        {a.node.title}
      </Link>
    ),
  },
  {
    title: "角色",
    dataIndex: "role",
    width: 70,
    render: (role: Assignment["role"]) => assignmentRoleLabels[role],
  },
  {
    title: "亮灯",
    key: "light",
    width: 90,
    render: (_, a) => (a.status === "removed" ? <Tag>已撤销</Tag> : <LightTag light={a.light} />),
  },
  {
    title: "进度",
    dataIndex: "progress",
    width: 130,
    render: (value: number) => <Progress percent={Math.round(value)} size="small" />,
  },
  {
    title: "签收",
    key: "ack",
    width: 140,
    render: (_, a) => a.status === "active" && <AcknowledgedTag at={a.acknowledgedAt} highlight />,
  },
  {
    title: "时限",
    dataIndex: "dueDate",
    width: 130,
    render: (v: string | null) => <span style={{ whiteSpace: "nowrap" }}>{formatPlanDate(v)}</span>,
  },
  {
    title: "操作",
    key: "actions",
    width: 130,
    render: (_, a) => (
      <Flex gap={8}>
        {a.abilities.acknowledge && <AcknowledgeButton assignment={a} size="small" type="primary" />}
        {a.abilities.report && (
          <NavButton to={`/assignments/${a.id}/report`} size="small">
            填报
          </NavButton>
        )}
      </Flex>
    ),
  },
];

/** 本单位工作 (`/units/:id/work`): every assignment of a unit with its light, progress and 签收 state. */
export function UnitWorkPage() {
  const { id = "" } = useParams();
  const work = useUnitAssignments(id);
  if (work.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (work.isError) return <Result status="warning" title={work.error.message} />;
  return (
    <>
      <PageHeader title={`${work.data.unit.name} · 工作`} />
      <ResponsiveTable<Assignment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={work.data.assignments}
        pagination={work.data.assignments.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: "本单位暂无交办的工作" }}
      />
    </>
  );
}
