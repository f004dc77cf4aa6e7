import { type Group, schoolTypeLabels, unitKindLabels } from "@duban/domain";
import { Drawer, Empty, Table, Typography } from "antd";
import { useGroupMembers } from "../../api/groups";
import type { UnitOption } from "../../api/units";
import { useIsMobile } from "../../hooks/use-is-mobile";

/** The units a group resolves to now. */
export function GroupMembersDrawer({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const isMobile = useIsMobile();
  const members = useGroupMembers(group?.id ?? null);
  return (
    <Drawer
      open={group !== null}
      onClose={onClose}
      title={group ? `${group.name} 的成员` : "成员"}
      size={isMobile ? "100%" : 420}
      destroyOnHidden
    >
      {members.data && (
        <Typography.Paragraph type="secondary">共 {members.data.length} 个单位</Typography.Paragraph>
      )}
      <Table<UnitOption>
        rowKey="id"
        size="small"
        loading={members.isLoading}
        dataSource={members.data ?? []}
        pagination={(members.data?.length ?? 0) > 50 ? { pageSize: 50, size: "small" } : false}
        locale={{
          emptyText: <Empty description={members.isError ? members.error.message : "该分组暂无成员单位"} />,
        }}
        columns={[
          { title: "名称", dataIndex: "name" },
          {
            title: "类型",
            key: "type",
            width: 130,
            render: (_, unit) =>
              unit.schoolType ? schoolTypeLabels[unit.schoolType] : unitKindLabels[unit.kind],
          },
        ]}
      />
    </Drawer>
  );
}
