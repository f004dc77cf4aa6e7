import { PlusOutlined } from "@ant-design/icons";
import type { Inspection } from "@duban/domain";
import { Button, Empty, Flex, List, Select, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useInspections } from "../../api/inspections";
import { useUnitOptions } from "../../api/units";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { FindingRectifyDialog } from "./finding-rectify-dialog";
import { InspectionCreateDialog } from "./inspection-create-dialog";

function Findings({ inspection, onRectify }: { inspection: Inspection; onRectify: (index: number) => void }) {
  return (
    <List
      size="small"
      dataSource={inspection.findings}
      locale={{ emptyText: "未发现问题" }}
      renderItem={(f) => (
        <List.Item
          actions={[
            f.rectificationId ? (
              <Link key="open" to={`/rectifications/${f.rectificationId}`}>
                查看整改
              </Link>
            ) : inspection.abilities.rectify ? (
              <Button key="rectify" size="small" type="primary" onClick={() => onRectify(f.index)}>
                转为整改
              </Button>
            ) : null,
          ]}
        >
          <Flex gap={8}>
            <span>{f.index + 1}.</span>
            <span style={{ whiteSpace: "pre-wrap" }}>{f.text}</span>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** 督导检查 (`/inspections`): 责任督学 visits and their findings, each one step from a 整改 item. */
export function InspectionsPage() {
  const { paging, pagination, resetPage } = useTablePaging();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const [rectifying, setRectifying] = useState<{ inspection: Inspection; index: number } | null>(null);
  const list = useInspections(unitId, paging);
  const units = useUnitOptions();
  const width = useFilterWidth(200);
  const columns: TableColumnsType<Inspection> = [
    { title: "督导日期", dataIndex: "visitDate", width: 130, render: (v: string) => formatPlanDate(v) },
    { title: "学校", key: "unit", render: (_, i) => i.unit.name },
    { title: "督导类型", dataIndex: "kind", width: 130 },
    {
      title: "发现问题",
      key: "findings",
      width: 160,
      render: (_, i) => {
        const open = i.findings.filter((f) => !f.rectificationId).length;
        return (
          <Flex gap={4}>
            <Tag>{i.findings.length} 个</Tag>
            {open > 0 && <Tag color="warning">{open} 个未转整改</Tag>}
          </Flex>
        );
      },
    },
  ];
  return (
    <>
      <PageHeader
        title="督导检查"
        actions={
          (list.data?.abilities?.create ?? false) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              记录督导
            </Button>
          )
        }
      />
      <FilterBar>
        <Select
          aria-label="按学校筛选"
          placeholder="学校"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width }}
          options={(units.data ?? [])
            .filter((u) => u.kind === "school")
            .map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v) => {
            setUnitId(v);
            resetPage();
          }}
        />
      </FilterBar>
      <ResponsiveTable<Inspection>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        expandable={{
          // Findings are the point of the page, so rows start open; the user may fold them.
          expandedRowKeys: (list.data?.items ?? []).map((i) => i.id).filter((id) => !collapsed.includes(id)),
          onExpand: (expanded, i) =>
            setCollapsed((ids) => (expanded ? ids.filter((id) => id !== i.id) : [...ids, i.id])),
          expandedRowRender: (i) => (
            <Findings inspection={i} onRectify={(index) => setRectifying({ inspection: i, index })} />
          ),
        }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : "暂无督导记录"} /> }}
      />
      {creating && <InspectionCreateDialog onClose={() => setCreating(false)} />}
      {rectifying && (
        <FindingRectifyDialog
          inspection={rectifying.inspection}
          index={rectifying.index}
          onClose={() => setRectifying(null)}
        />
      )}
    </>
  );
}
