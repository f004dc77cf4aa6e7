import type { TableColumnsType } from "antd";
import { Typography } from "antd";
import { Link } from "react-router";
import { indicatorCountOf, type PlanRow } from "./plan-rows";
import { PlanTaskDetails } from "./plan-task-details";

// The detail row spans every column; the other columns give their cell away to it.
const span = (count: number) => (row: PlanRow) => ({ colSpan: row.kind === "detail" ? count : 1 });
const hidden = (row: PlanRow) => ({ colSpan: row.kind === "detail" ? 0 : 1 });

/**
 * Columns of the plan table. Later capabilities (lights, progress) append their own columns with `extra`;
 * the detail row widens to cover them.
 */
export function planColumns(
  planId: string,
  extra: TableColumnsType<PlanRow> = [],
): TableColumnsType<PlanRow> {
  const base: TableColumnsType<PlanRow> = [
    {
      title: "编号",
      key: "label",
      width: 110,
      render: (_, row) =>
        row.kind === "detail" ? (
          <PlanTaskDetails node={row.node} />
        ) : (
          (row.node.label ?? row.node.number ?? "")
        ),
    },
    {
      title: "标题",
      key: "title",
      render: (_, row) =>
        row.kind === "node" &&
        (row.node.level === "section" || row.node.level === "subsection" ? (
          <Typography.Text strong>{row.node.title}</Typography.Text>
        ) : (
          <Link to={`/plans/${planId}/tasks/${row.node.id}`}>{row.node.title}</Link>
        )),
    },
    { title: "牵头单位", key: "lead", width: 170, render: (_, row) => row.node.leadUnit?.name ?? "" },
    {
      title: "配合单位",
      key: "co",
      width: 180,
      render: (_, row) => row.node.coUnits.map((unit) => unit.name).join("、"),
    },
    {
      title: "指标数",
      key: "indicators",
      width: 80,
      align: "right",
      render: (_, row) => indicatorCountOf(row.node) || "",
    },
    ...extra,
  ];
  return base.map((column, index) => ({ ...column, onCell: index === 0 ? span(base.length) : hidden }));
}
