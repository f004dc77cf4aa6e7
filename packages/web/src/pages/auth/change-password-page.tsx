import { type ChangePasswordInput, limits } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Form, Input } from "antd";
import { useNavigate } from "react-router";
import { changePassword, logout, meKey } from "../../api/auth";
import { newPasswordRules, passwordHint } from "../../components/password-rules";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { AuthCard } from "./auth-card";

interface ChangePasswordValues extends ChangePasswordInput {
  confirmPassword: string;
}

/** Change password; forced after an initial or reset password, optional otherwise. */
export function ChangePasswordPage() {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      message.success("密码已修改");
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate("/", { replace: true });
    },
  });

  async function signOut() {
    await logout().catch(() => undefined);
    queryClient.clear();
    navigate("/login", { replace: true });
  }

  return (
    <AuthCard title="修改密码">
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title="为了账号安全，请先修改初始密码后再使用系统"
          style={{ marginBottom: 16 }}
        />
      )}
      {mutation.isError && (
        <Alert
          type="error"
          showIcon
          title={mutation.error.message}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      <Form<ChangePasswordValues>
        layout="vertical"
        onFinish={({ currentPassword, newPassword }) => mutation.mutate({ currentPassword, newPassword })}
      >
        <Form.Item
          label="当前密码"
          name="currentPassword"
          rules={[{ required: true, message: "请输入当前密码" }]}
        >
          <Input.Password autoComplete="current-password" maxLength={limits.passwordMax} />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={passwordHint}
          rules={[
            ...newPasswordRules,
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue("currentPassword")
                  ? Promise.reject(new Error("新密码不能与当前密码相同"))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error("两次输入的新密码不一致")),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
        </Form.Item>
        <Flex vertical gap={8}>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            修改密码
          </Button>
          {me.mustChangePassword ? (
            <Button block onClick={() => void signOut()}>
              退出登录
            </Button>
          ) : (
            <Button block onClick={() => navigate("/")}>
              返回工作台
            </Button>
          )}
        </Flex>
      </Form>
    </AuthCard>
  );
}
