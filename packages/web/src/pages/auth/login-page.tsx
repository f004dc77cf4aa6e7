import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { type LoginInput, limits } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input } from "antd";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { login, meKey, useMe } from "../../api/auth";
import { AuthCard } from "./auth-card";

/** Where to go after login: the `next` path when it stays inside the app, else the home page. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") &&
    !next.startsWith("//") &&
    !next.startsWith("/login") &&
    !next.startsWith("/change-password")
    ? next
    : "/";
}

/** The login page: 账号 and 密码, with the server's Chinese message on failure (e.g. a locked account). */
export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const next = safeNext(params.get("next"));
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.setQueryData(meKey, user);
      navigate(user.mustChangePassword ? "/change-password" : next, { replace: true });
    },
  });

  if (me && !mutation.isPending)
    return <Navigate to={me.mustChangePassword ? "/change-password" : next} replace />;

  return (
    <AuthCard title="登录">
      {mutation.isError && (
        <Alert
          type="error"
          showIcon
          title={mutation.error.message}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      <Form<LoginInput>
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => mutation.mutate({ login: values.login.trim(), password: values.password })}
      >
        <Form.Item
          label="账号"
          name="login"
          rules={[{ required: true, whitespace: true, message: "请输入账号" }]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder="用户名或手机号"
            autoComplete="username"
            maxLength={limits.loginMax}
            size="large"
          />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password
            prefix={<LockOutlined />}
            placeholder="密码"
            autoComplete="current-password"
            maxLength={limits.passwordMax}
            size="large"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
