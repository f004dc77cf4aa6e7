import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { roleLabels, type User } from "@duban/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Empty, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { type UserFilters as Filters, importUsers, usersKey, useUsers } from "../../api/users";
import { formatDateTime } from "../../components/date-format";
import { EnabledTag } from "../../components/enabled-tag";
import { ImportDialog } from "../../components/import-dialog";
import { canManage } from "../../components/navigation";
import { PageHeader } from "../../components/page-header";
import { useFilters } from "../../hooks/use-filters";
import { useIsMobile } from "../../hooks/use-is-mobile";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { useTablePaging } from "../../hooks/use-table-paging";
import { ResetPasswordModal } from "./reset-password-modal";
import { UserFilters } from "./user-filters";
import { UserFormModal } from "./user-form-modal";
import { isLocked, UserRowActions } from "./user-row-actions";

/** 用户管理: accounts of the bureau, read-only for leaders. */
export function UsersPage() {
  const me = useSignedInUser();
  const manager = canManage(me, "users");
  // Pinned columns would leave no room for the rest on a phone.
  const isMobile = useIsMobile();
  const { paging, pagination, resetPage } = useTablePaging();
  const { filters, setFilter } = useFilters<Filters>({}, resetPage);
  const users = useUsers(filters, paging);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [importing, setImporting] = useState(false);
  const listAbilities = users.data?.abilities;

  const columns: TableColumnsType<User> = [
    { title: "姓名", dataIndex: "name", fixed: isMobile ? undefined : "left", width: 110 },
    { title: "账号", dataIndex: "login", width: 130 },
    { title: "所在单位", key: "unit", width: 180, render: (_, user) => user.unit?.name ?? "—" },
    {
      title: "角色",
      dataIndex: "roles",
      width: 180,
      render: (userRoles: User["roles"]) => userRoles.map((role) => <Tag key={role}>{roleLabels[role]}</Tag>),
    },
    { title: "手机号", dataIndex: "phone", width: 120, render: (value: string | null) => value ?? "—" },
    {
      title: "状态",
      key: "status",
      width: 130,
      render: (_, user) => (
        <>
          <EnabledTag enabled={user.enabled} />
          {isLocked(user) && <Tag color="warning">已锁定</Tag>}
          {user.mustChangePassword && <Tag color="processing">待改密</Tag>}
        </>
      ),
    },
    {
      title: "最近登录",
      dataIndex: "lastLoginAt",
      width: 150,
      render: (value: string | null) => (value ? formatDateTime(value) : "从未登录"),
    },
    {
      title: "操作",
      key: "actions",
      fixed: isMobile ? undefined : "right",
      width: 210,
      render: (_, user) => (
        <UserRowActions
          user={user}
          onEdit={(record) => setEditing({ user: record })}
          onResetPassword={setResetting}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={manager ? "用户管理" : "用户"}
        actions={
          <>
            {(listAbilities?.import ?? false) && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入用户
              </Button>
            )}
            {(listAbilities?.create ?? false) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
                新建用户
              </Button>
            )}
          </>
        }
      />
      <UserFilters setFilter={setFilter} />
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={pagination(users.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={users.isError ? users.error.message : "暂无用户"} /> }}
      />
      <UserFormModal open={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <ImportDialog
        open={importing}
        title="导入用户"
        templateUrl="/api/users/import-template"
        onImport={importUsers}
        onClose={() => setImporting(false)}
        onImported={() => void queryClient.invalidateQueries({ queryKey: usersKey })}
      />
    </>
  );
}
