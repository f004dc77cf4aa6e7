/** Chinese names of the audit actions the server writes; unknown ones show their code. */
export const auditActionLabels: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.logout": "退出登录",
  "auth.logout_all": "退出所有设备",
  "auth.change_password": "修改密码",
  "auth.change_password_failed": "修改密码时当前密码错误",
  "unit.create": "新建单位",
  "unit.update": "修改单位",
  "unit.enable": "启用单位",
  "unit.disable": "停用单位",
  "unit.import": "导入单位",
  "group.create": "新建分组",
  "group.update": "修改分组",
  "group.enable": "启用分组",
  "group.disable": "停用分组",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.enable": "启用用户",
  "user.disable": "停用用户",
  "user.reset_password": "重置密码",
  "user.unlock": "解除锁定",
  "user.import": "导入用户",
};

/** Chinese names of audited entities. */
export const auditEntityLabels: Record<string, string> = {
  user: "用户",
  unit: "单位",
  group: "分组",
  session: "会话",
  tenant: "教育局",
};

/** Options of an AutoComplete over a label table: the code is the value, the label helps choose. */
export function labelledOptions(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
}
