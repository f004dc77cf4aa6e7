import { type Assignment, assignmentRoleLabels } from "@duban/domain";
import { Button, Flex, Progress, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { AcknowledgeButton } from "../../components/acknowledge-button";
import { AcknowledgedTag } from "../../components/acknowledged-tag";
import { LightTag } from "../../components/light-tag";
import { NavButton } from "../../components/nav-button";
import { formatPlanDate } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { ExtensionDialog } from "../extensions/extension-dialog";
import { RemoveDialog } from "./remove-dialog";

/** The units a task was assigned to, with light, progress and 签收 state; withdrawn ones stay as history. */
export function TaskAssignments({
  assignments,
  loading,
  canAssign,
}: {
  assignments: Assignment[];
  loading: boolean;
  canAssign: boolean;
}) {
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const [extending, setExtending] = useState<Assignment | null>(null);
  const columns: TableColumnsType<Assignment> = [
    {
      title: "单位",
      key: "unit",
      render: (_, a) => (
        <Flex vertical>
          <span>{a.unit.name}</span>
          {a.measure && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240, fontSize: 12 }}>
              措施：{a.measure.text}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: "角色",
      dataIndex: "role",
      width: 70,
      render: (role: Assignment["role"]) => assignmentRoleLabels[role],
    },
    { title: "责任人", dataIndex: "responsiblePerson", width: 90, render: (v: string | null) => v ?? "—" },
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
      width: 150,
      render: (_, a) =>
        a.status === "removed" ? (
          <Typography.Text type="secondary">撤销原因：{a.removedReason ?? "—"}</Typography.Text>
        ) : (
          <AcknowledgedTag at={a.acknowledgedAt} highlight={canAssign} />
        ),
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
      width: 230,
      render: (_, a) => (
        <Flex gap={8} wrap>
          {a.abilities.acknowledge && <AcknowledgeButton assignment={a} size="small" type="primary" />}
          {a.abilities.report && (
            <NavButton to={`/assignments/${a.id}/report`} size="small">
              填报
            </NavButton>
          )}
          {a.abilities.requestExtension && (
            <Button size="small" onClick={() => setExtending(a)}>
              申请延期
            </Button>
          )}
          {a.abilities.remove && (
            <Button size="small" danger onClick={() => setRemoving(a)}>
              撤销
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <ResponsiveTable<Assignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={assignments}
        loading={loading}
        pagination={assignments.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: "max-content" }}
        rowClassName={(a) => (a.status === "removed" ? "row-removed" : "")}
        locale={{ emptyText: "尚未交办" }}
      />
      <RemoveDialog assignment={removing} onClose={() => setRemoving(null)} />
      {extending && <ExtensionDialog assignment={extending} onClose={() => setExtending(null)} />}
    </>
  );
}
