import {
  type Assignment,
  assignmentRoleLabels,
  assignmentStatuses,
  lightColors,
  lightLabels,
} from "@duban/domain";
import { Button, Empty, Flex, Input, Progress, Select, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { type AssignmentFilters, useNodeAssignmentPage } from "../../api/execution";
import { useUnitOptions } from "../../api/units";
import { AcknowledgeButton } from "../../components/acknowledge-button";
import { AcknowledgedTag } from "../../components/acknowledged-tag";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { LightTag } from "../../components/light-tag";
import { NavButton } from "../../components/nav-button";
import { formatPlanDate } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { optionsOf } from "../../components/select-options";
import { useFilters } from "../../hooks/use-filters";
import { useTablePaging } from "../../hooks/use-table-paging";
import { ExtensionDialog } from "../extensions/extension-dialog";
import { RemoveDialog } from "./remove-dialog";

/** Chinese names of an assignment's states in the filter. */
const statusLabels: Record<Assignment["status"], string> = { active: "在办", removed: "已撤销" };

/**
 * The units a task was assigned to, with light, progress and 签收 state; withdrawn ones stay as history. A page
 * at a time from the server (a task can go to hundreds of schools), filtered by unit, light, state and keyword.
 */
export function TaskAssignments({ nodeId, canAssign }: { nodeId: string; canAssign: boolean }) {
  const { paging, pagination, resetPage } = useTablePaging();
  const { filters, setFilter } = useFilters<AssignmentFilters>({}, resetPage);
  const list = useNodeAssignmentPage(nodeId, filters, paging);
  const units = useUnitOptions();
  const width = useFilterWidth(160);
  const searchWidth = useFilterWidth(200, true);
  const filtered = Object.values(filters).some((v) => v !== undefined);
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
  const empty = list.isError ? list.error.message : filtered ? "没有符合条件的交办单位" : "尚未交办";
  return (
    <>
      <FilterBar>
        <Input.Search
          aria-label="按单位名称或责任人搜索"
          placeholder="单位名称或责任人"
          allowClear
          style={{ width: searchWidth }}
          onSearch={(v) => setFilter("q", v.trim())}
        />
        <Select
          aria-label="按单位筛选"
          placeholder="单位"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width }}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v) => setFilter("unitId", v)}
        />
        <Select
          aria-label="按亮灯筛选"
          placeholder="亮灯"
          allowClear
          style={{ width }}
          options={optionsOf(lightColors, lightLabels)}
          onChange={(v) => setFilter("light", v)}
        />
        <Select
          aria-label="按状态筛选"
          placeholder="状态"
          allowClear
          style={{ width }}
          options={optionsOf(assignmentStatuses, statusLabels)}
          onChange={(v) => setFilter("status", v)}
        />
      </FilterBar>
      <ResponsiveTable<Assignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        rowClassName={(a) => (a.status === "removed" ? "row-removed" : "")}
        locale={{ emptyText: <Empty description={empty} /> }}
      />
      <RemoveDialog assignment={removing} onClose={() => setRemoving(null)} />
      {extending && <ExtensionDialog assignment={extending} onClose={() => setExtending(null)} />}
    </>
  );
}
