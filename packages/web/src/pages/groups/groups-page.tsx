import { PlusOutlined } from "@ant-design/icons";
import { type Group, type GroupRule, ownershipLabels, schoolTypeLabels, unitKindLabels } from "@duban/domain";
import { Button, Empty, Input, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { groupsKey, setGroupEnabled, useGroups } from "../../api/groups";
import { canToggleEnabled } from "../../components/abilities";
import { EnabledTag } from "../../components/enabled-tag";
import { EnabledToggle } from "../../components/enabled-toggle";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { PageHeader } from "../../components/page-header";
import { useIsMobile } from "../../hooks/use-is-mobile";
import { useSetEnabled } from "../../hooks/use-set-enabled";
import { useTablePaging } from "../../hooks/use-table-paging";
import { GroupFormModal } from "./group-form-modal";
import { GroupMembersDrawer } from "./group-members-drawer";

/** A rule in words, e.g. "学校 · 幼儿园 · 公办". */
function describeRule(rule: GroupRule | null): string {
  if (!rule) return "—";
  const parts = [
    rule.kind ? unitKindLabels[rule.kind] : "全部单位",
    (rule.schoolTypes ?? []).map((type) => schoolTypeLabels[type]).join("、"),
    (rule.ownerships ?? []).map((ownership) => ownershipLabels[ownership]).join("、"),
    (rule.townships ?? []).join("、"),
  ];
  return parts.filter(Boolean).join(" · ");
}

/** 单位分组: saved lists and rules (e.g. 全部公办幼儿园) that tasks are handed to. */
export function GroupsPage() {
  // Pinned columns would leave no room for the rest on a phone.
  const isMobile = useIsMobile();
  const { paging, pagination, resetPage } = useTablePaging();
  const [q, setQ] = useState("");
  const groups = useGroups(q, paging);
  const toggle = useSetEnabled(groupsKey, setGroupEnabled);
  const [editing, setEditing] = useState<{ group: Group | null } | null>(null);
  const [viewing, setViewing] = useState<Group | null>(null);
  const searchWidth = useFilterWidth(260, true);

  const columns: TableColumnsType<Group> = [
    { title: "名称", dataIndex: "name", fixed: isMobile ? undefined : "left", width: 180 },
    {
      title: "分组方式",
      dataIndex: "kind",
      width: 100,
      render: (kind: Group["kind"]) =>
        kind === "rule" ? <Tag color="blue">按规则</Tag> : <Tag>指定单位</Tag>,
    },
    {
      title: "规则/说明",
      key: "rule",
      width: 260,
      render: (_, group) => (group.kind === "rule" ? describeRule(group.rule) : (group.description ?? "—")),
    },
    {
      title: "成员数",
      dataIndex: "memberCount",
      width: 90,
      render: (count: number, group) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setViewing(group)}>
          {count}
        </Button>
      ),
    },
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
      render: (_, group) => (
        <Space size="small">
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setViewing(group)}>
            成员
          </Button>
          {group.abilities.update && (
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              onClick={() => setEditing({ group })}
            >
              编辑
            </Button>
          )}
          {canToggleEnabled(group.abilities, group.enabled) && (
            <EnabledToggle
              enabled={group.enabled}
              noun="分组"
              loading={toggle.isPending && toggle.variables?.id === group.id}
              onConfirm={(enabled) => toggle.mutate({ id: group.id, enabled, version: group.version })}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="单位分组"
        actions={
          (groups.data?.abilities?.create ?? false) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ group: null })}>
              新建分组
            </Button>
          )
        }
      />
      <FilterBar>
        <Input.Search
          placeholder="搜索分组名称"
          aria-label="搜索分组"
          allowClear
          style={{ width: searchWidth }}
          onSearch={(value) => {
            setQ(value.trim());
            resetPage();
          }}
        />
      </FilterBar>
      <Table<Group>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={groups.data?.items}
        loading={groups.isFetching}
        pagination={pagination(groups.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={groups.isError ? groups.error.message : "暂无分组"} /> }}
      />
      <GroupFormModal
        open={editing !== null}
        group={editing?.group ?? null}
        onClose={() => setEditing(null)}
      />
      <GroupMembersDrawer group={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
