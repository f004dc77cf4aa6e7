import { DownloadOutlined } from "@ant-design/icons";
import { type ComputedIndicator, type ComputedRow, ownershipLabels, schoolTypeLabels } from "@duban/domain";
import { Button, Flex, Table, type TableColumnsType, type TablePaginationConfig, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { type ComputedSort, computedRowsUrl } from "../../api/indicator-formulas";
import { formatNumber } from "../../components/plan-format";

/** A stored value as the drill-down shows it. */
function cellText(value: ComputedRow["values"][string] | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.join("、");
  return value;
}

/**
 * 明细: the unit rows behind a computed value, one column per field the formula uses, sorted on the server by
 * unit name or a field, paged, and downloadable as Excel.
 */
export function ComputedRows({
  computed,
  sort,
  onSort,
  pagination,
  loading,
}: {
  computed: ComputedIndicator;
  sort: ComputedSort;
  onSort: (sort: ComputedSort) => void;
  pagination: TablePaginationConfig;
  loading: boolean;
}) {
  const order = (key: string | undefined) =>
    sort.sort === key ? (sort.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;
  const columns: TableColumnsType<ComputedRow> = [
    { title: "单位", dataIndex: "unitName", key: "unitName", sorter: true, sortOrder: order(undefined) },
    {
      title: "类型",
      key: "type",
      render: (_, r) =>
        [r.schoolType ? schoolTypeLabels[r.schoolType] : "", r.ownership ? ownershipLabels[r.ownership] : ""]
          .filter(Boolean)
          .join(" · ") || "—",
    },
    ...computed.columns.map((c) => ({
      title: `${c.label}${c.unit ? `（${c.unit}）` : ""}`,
      key: c.key,
      sorter: true,
      sortOrder: order(c.key),
      align: "right" as const,
      render: (_: unknown, r: ComputedRow) => cellText(r.values[c.key]),
    })),
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          共 {computed.rows.total} 个单位的已通过数据参与计算
        </Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={computedRowsUrl(computed.indicatorId)}
          download
        >
          导出 Excel
        </Button>
      </Flex>
      <Table<ComputedRow>
        aria-label="计算明细"
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={computed.rows.items}
        loading={loading}
        pagination={pagination}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: "还没有审核通过的填报" }}
        onChange={(_, __, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ComputedRow> | undefined;
          // The unit column sorts by name, the server's default; a field column by its key.
          const key = s?.columnKey === "unitName" ? undefined : (s?.columnKey as string | undefined);
          onSort(s?.order ? { sort: key, order: s.order === "descend" ? "desc" : "asc" } : { order: "asc" });
        }}
      />
    </Flex>
  );
}
