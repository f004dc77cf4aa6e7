import { limits, roleLabels, roles, type User, type UserCreateInput } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Select } from "antd";
import { isApiError } from "../../api/client";
import { useUnitOptions } from "../../api/units";
import { createUser, updateUser, usersKey } from "../../api/users";
import { newPasswordRules, passwordHint } from "../../components/password-rules";
import { optionsOf } from "../../components/select-options";
import { useErrorHandler } from "../../hooks/use-error-handler";

type UserValues = Omit<UserCreateInput, "password"> & { password?: string };

/** Create a user with an initial password (changed at first login), or edit one. */
export function UserFormModal({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: User | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UserValues>();
  const units = useUnitOptions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(usersKey);
  const mutation = useMutation({
    mutationFn: ({ password, ...values }: UserValues) => {
      const input = {
        name: values.name.trim(),
        login: values.login.trim(),
        phone: values.phone?.trim() || null,
        email: values.email?.trim() || null,
        unitId: values.unitId ?? null,
        roles: values.roles,
      };
      return user
        ? updateUser(user.id, { ...input, version: user.version })
        : createUser({ ...input, password: password ?? "" });
    },
    onSuccess: () => {
      message.success(user ? "用户已保存" : "用户已创建，首次登录时须修改初始密码");
      void queryClient.invalidateQueries({ queryKey: usersKey });
      onClose();
    },
    onError: (error) => {
      onError(error, form);
      if (isApiError(error, "stale_version")) onClose();
    },
  });

  return (
    <Modal
      open={open}
      title={user ? "编辑用户" : "新建用户"}
      okText="保存"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserValues>
        form={form}
        clearOnDestroy
        layout="vertical"
        initialValues={
          user
            ? {
                name: user.name,
                login: user.login,
                phone: user.phone,
                email: user.email,
                unitId: user.unit?.id ?? null,
                roles: user.roles,
              }
            : { roles: [] }
        }
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item
          label="姓名"
          name="name"
          rules={[{ required: true, whitespace: true, message: "请输入姓名" }]}
        >
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item
          label="账号"
          name="login"
          extra="用户名（字母、数字、点、下划线、连字符）或手机号"
          rules={[
            { required: true, whitespace: true, message: "请输入账号" },
            { min: 3, message: "账号至少 3 个字符" },
            { pattern: /^[A-Za-z0-9._-]+$/, message: "账号只能包含字母、数字、点、下划线和连字符" },
          ]}
        >
          <Input maxLength={limits.loginMax} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="手机号"
          name="phone"
          rules={[{ pattern: /^1\d{10}$/, message: "手机号应为 11 位数字" }]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item label="邮箱" name="email" rules={[{ type: "email", message: "邮箱格式不正确" }]}>
          <Input maxLength={limits.emailMax} inputMode="email" />
        </Form.Item>
        <Form.Item label="所在单位" name="unitId">
          <Select
            allowClear
            placeholder="选择科室或学校"
            showSearch={{ optionFilterProp: "label" }}
            loading={units.isLoading}
            options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
        <Form.Item
          label="角色"
          name="roles"
          rules={[{ required: true, type: "array", min: 1, message: "请至少选择一个角色" }]}
        >
          <Select mode="multiple" placeholder="可多选" options={optionsOf(roles, roleLabels)} />
        </Form.Item>
        {!user && (
          <Form.Item label="初始密码" name="password" extra={passwordHint} rules={newPasswordRules}>
            <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
