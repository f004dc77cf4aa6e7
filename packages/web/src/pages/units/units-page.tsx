import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { ownershipLabels, schoolTypeLabels, type Unit, unitKindLabels } from "@duban/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Empty, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import {
  type UnitFilters as Filters,
  importUnits,
  setUnitEnabled,
  unitsKey,
  useUnits,
} from "../../api/units";
import { canToggleEnabled } from "../../components/abilities";
import { EnabledTag } from "../../components/enabled-tag";
import { EnabledToggle } from "../../components/enabled-toggle";
import { ImportDialog } from "../../components/import-dialog";
import { canManage } from "../../components/navigation";
import { PageHeader } from "../../components/page-header";
import { useFilters } from "../../hooks/use-filters";
import { useIsMobile } from "../../hooks/use-is-mobile";
import { useSetEnabled } from "../../hooks/use-set-enabled";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { useTablePaging } from "../../hooks/use-table-paging";
import { UnitFilters } from "./unit-filters";
import { UnitFormModal } from "./unit-form-modal";

/** 单位管理: departments and schools of the bureau, read-only for those who do not manage them. */
export function UnitsPage() {
  const me = useSignedInUser();
  const manager = canManage(me, "units");
  // Pinned columns would leave no room for the rest on a phone.
  const isMobile = useIsMobile();
  const { paging, pagination, resetPage } = useTablePaging();
  const { filters, setFilter } = useFilters<Filters>({}, resetPage);
  const units = useUnits(filters, paging);
  const queryClient = useQueryClient();
  const toggle = useSetEnabled(unitsKey, setUnitEnabled);
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const listAbilities = units.data?.abilities;

  const columns: TableColumnsType<Unit> = [
    { title: "名称", dataIndex: "name", fixed: isMobile ? undefined : "left", width: 200 },
    { title: "单位类型", dataIndex: "kind", width: 90, render: (kind: Unit["kind"]) => unitKindLabels[kind] },
    {
      title: "学校类型",
      dataIndex: "schoolType",
      width: 130,
      render: (value: Unit["schoolType"]) => (value ? schoolTypeLabels[value] : "—"),
    },
    {
      title: "办学性质",
      dataIndex: "ownership",
      width: 110,
      render: (value: Unit["ownership"]) => (value ? ownershipLabels[value] : "—"),
    },
    { title: "乡镇/街道", dataIndex: "township", width: 120, render: (value: string | null) => value ?? "—" },
    { title: "编码", dataIndex: "code", width: 100, render: (value: string | null) => value ?? "—" },
    {
      title: "状态",
      dataIndex: "enabled",
      width: 80,
      render: (enabled: boolean) => <EnabledTag enabled={enabled} />,
    },
    {
      title: "操作",
      key: "actions",
      fixed: isMobile ? undefined : "right",
      width: 150,
      render: (_, unit) => (
        <Space size="small">
          <Link to={`/units/${unit.id}/work`}>工作</Link>
          {unit.abilities.update && (
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              onClick={() => setEditing({ unit })}
            >
              编辑
            </Button>
          )}
          {canToggleEnabled(unit.abilities, unit.enabled) && (
            <EnabledToggle
              enabled={unit.enabled}
              noun="单位"
              loading={toggle.isPending && toggle.variables?.id === unit.id}
              onConfirm={(enabled) => toggle.mutate({ id: unit.id, enabled, version: unit.version })}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={manager ? "单位管理" : "单位"}
        actions={
          <>
            {(listAbilities?.import ?? false) && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入单位
              </Button>
            )}
            {(listAbilities?.create ?? false) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: null })}>
                新建单位
              </Button>
            )}
          </>
        }
      />
      <UnitFilters setFilter={setFilter} />
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={units.data?.items}
        loading={units.isFetching}
        pagination={pagination(units.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={units.isError ? units.error.message : "暂无单位"} /> }}
      />
      <UnitFormModal open={editing !== null} unit={editing?.unit ?? null} onClose={() => setEditing(null)} />
      <ImportDialog
        open={importing}
        title="导入单位"
        templateUrl="/api/units/import-template"
        onImport={importUnits}
        onClose={() => setImporting(false)}
        onImported={() => void queryClient.invalidateQueries({ queryKey: unitsKey })}
      />
    </>
  );
}
