/**
 * Every action the audit log records, with its Chinese name. The server's `audit()` accepts only these codes, so
 * a new action cannot be written without a name for the log's readers.
 */
export const auditActionLabels = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.logout": "退出登录",
  "auth.logout_all": "退出所有设备",
  "auth.change_password": "修改密码",
  "auth.change_password_failed": "修改密码失败（当前密码错误）",
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
  "unit_keywords.replace": "修改科室关键词",
  "channel.create": "新建通知渠道",
  "channel.update": "修改通知渠道",
  "plan_import.create": "导入计划",
  "plan_import.update": "修改计划草稿",
  "plan_import.discard": "放弃计划草稿",
  "plan.publish": "发布计划",
  "plan.copy": "复制计划",
  "plan.archive": "归档计划",
  "plan.unarchive": "取消归档",
  "plan.settings": "修改填报设置",
  "plan.reminder_settings": "修改催办设置",
  "document_numbers.update": "修改文号前缀",
  "plan.public_settings": "修改公开范围",
  "plan_node.update": "修改任务",
  "plan_node.close_request": "申请办结",
  "plan_node.close": "确认销号",
  "plan_node.close_return": "退回办结申请",
  "measure.create": "新增措施",
  "milestone.create": "新增节点",
  "indicator.create": "新增指标",
  "indicator.update": "修改指标",
  "indicator.formula_set": "设置指标计算公式",
  "indicator.formula_delete": "删除指标计算公式",
  "assignment.create": "交办",
  "assignment.acknowledge": "签收",
  "assignment.remove": "撤销交办",
  "cycle.open": "开启填报周期",
  "cycle.close": "关闭填报周期",
  "cycle.urge": "一键催报",
  "report.save_draft": "保存反馈草稿",
  "report.submit": "提交反馈",
  "report.approve": "反馈审核通过",
  "report.return": "退回反馈",
  "notice.create": "下发督办单",
  "notice.scan": "扫描督办",
  "notice.reply": "回复督办单",
  "notice.accept": "督办单办结",
  "notice.return": "退回督办单回复",
  "extension.create": "申请延期",
  "extension.lead_approve": "牵头科室同意延期",
  "extension.approve": "批准延期",
  "extension.refuse": "不予延期",
  "file.upload": "上传文件",
  "inspection.create": "登记督导检查",
  "rectification.create": "新建整改",
  "rectification.submit": "提交整改",
  "rectification.accept": "整改销号",
  "rectification.return": "退回整改",
  "instruction.create": "批示",
  "instruction.acknowledge": "签收批示",
  "bulletin.create": "起草督查通报",
  "bulletin.update": "修改督查通报",
  "bulletin.issue": "印发督查通报",
  "bulletin.delete": "删除督查通报草稿",
  "form.create": "定义填报表",
  "form.update": "修改填报表",
  "form.delete": "删除填报表",
  "form.archive": "归档填报表",
  "form.restore": "恢复填报表",
  "form_round.create": "下发填报",
  "form_round.urge": "填报催报",
  "form_round.close": "结束填报批次",
  "form_round.import": "导入填报数据",
  "form_submission.save": "保存填报",
  "form_submission.submit": "提交填报",
  "form_submission.approve": "填报审核通过",
  "form_submission.return": "退回填报",
  "work_calendar.save": "保存工作日历",
  "work_calendar.reset": "恢复工作日历",
  "seed.demo": "生成演示数据",
} as const satisfies Record<string, string>;

/** An action code of the audit log, e.g. `plan.copy`. */
export type AuditAction = keyof typeof auditActionLabels;

/** Every audit action code, in the order the filter lists them. */
export const auditActions = Object.keys(auditActionLabels) as [AuditAction, ...AuditAction[]];

/** Every kind of record the audit log names, with its Chinese name. */
export const auditEntityLabels = {
  user: "用户",
  unit: "单位",
  group: "分组",
  tenant: "教育局",
  unit_keywords: "科室关键词",
  channel_setting: "通知渠道",
  plan_import: "计划草稿",
  plan: "计划",
  plan_node: "任务",
  measure: "措施",
  milestone: "节点",
  indicator: "指标",
  assignment: "交办",
  report_cycle: "填报周期",
  report: "反馈",
  supervision_notice: "督办单",
  extension_request: "延期申请",
  file: "文件",
  inspection: "督导检查",
  rectification: "整改",
  instruction: "批示",
  bulletin: "督查通报",
  form: "填报表",
  form_round: "填报批次",
  form_submission: "填报",
  work_calendar: "工作日历",
} as const satisfies Record<string, string>;

/** A kind of record the audit log names, e.g. `plan`. */
export type AuditEntity = keyof typeof auditEntityLabels;

/** Every audited kind of record. */
export const auditEntities = Object.keys(auditEntityLabels) as [AuditEntity, ...AuditEntity[]];

/** The Chinese name of an action code; a code from before the table (none today) shows as it is. */
export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}

/** The Chinese name of an audited kind of record. */
export function auditEntityLabel(entity: string): string {
  return (auditEntityLabels as Record<string, string>)[entity] ?? entity;
}
