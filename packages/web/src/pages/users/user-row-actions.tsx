import type { User } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm, Space } from "antd";
import { setUserEnabled, unlockUser, usersKey } from "../../api/users";
import { canToggleEnabled } from "../../components/abilities";
import { EnabledToggle } from "../../components/enabled-toggle";
import { useErrorHandler } from "../../hooks/use-error-handler";
import { useSetEnabled } from "../../hooks/use-set-enabled";

/** True while a lockout after repeated failed logins is in force. */
export function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

/** Props of the actions of one user row. */
export interface UserRowActionsProps {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/** 编辑 / 停用 / 重置密码 / 解锁 for one user, as the record's abilities allow. */
export function UserRowActions({ user, onEdit, onResetPassword }: UserRowActionsProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(usersKey);
  const toggle = useSetEnabled(usersKey, setUserEnabled);
  const unlock = useMutation({
    mutationFn: () => unlockUser(user.id),
    onSuccess: () => {
      message.success("已解锁");
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError: (error) => onError(error),
  });
  const link = { type: "link", size: "small", style: { paddingInline: 0 } } as const;
  return (
    <Space size="small">
      {user.abilities.update && (
        <Button {...link} onClick={() => onEdit(user)}>
          编辑
        </Button>
      )}
      {canToggleEnabled(user.abilities, user.enabled) && (
        <EnabledToggle
          enabled={user.enabled}
          noun="用户"
          loading={toggle.isPending}
          onConfirm={(enabled) => toggle.mutate({ id: user.id, enabled, version: user.version })}
        />
      )}
      {user.abilities.resetPassword && (
        <Button {...link} onClick={() => onResetPassword(user)}>
          重置密码
        </Button>
      )}
      {isLocked(user) && user.abilities.unlock && (
        <Popconfirm
          title="确定解除该用户的登录锁定吗？"
          okText="确定"
          cancelText="取消"
          onConfirm={() => unlock.mutate()}
        >
          <Button {...link} loading={unlock.isPending}>
            解锁
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
