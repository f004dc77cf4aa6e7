import { limits, type User } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Typography } from "antd";
import { resetUserPassword, usersKey } from "../../api/users";
import { newPasswordRules, passwordHint } from "../../components/password-rules";
import { useErrorHandler } from "../../hooks/use-error-handler";

/** Sets a new password for a user, who must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(usersKey);
  const mutation = useMutation({
    mutationFn: (password: string) => resetUserPassword(user!.id, { password }),
    onSuccess: () => {
      message.success("密码已重置，该用户下次登录时须修改密码");
      void queryClient.invalidateQueries({ queryKey: usersKey });
      onClose();
    },
    onError: (error) => onError(error, form),
  });
  return (
    <Modal
      open={user !== null}
      title="重置密码"
      okText="保存"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        为 <Typography.Text strong>{user?.name}</Typography.Text>（{user?.login}
        ）设置新密码，对方下次登录时须修改。
      </Typography.Paragraph>
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        onFinish={({ password }) => mutation.mutate(password)}
      >
        <Form.Item label="新密码" name="password" extra={passwordHint} rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
