import { z } from "zod";

/**
 * Every kind of notification, with its Chinese name: one per step of the loop that asks someone to act or tells
 * them the outcome. A few keep the names they had before this list (notice, notice_returned, extension), since
 * rows already stored carry them.
 */
export const notificationKindLabels = {
  "assignment.created": "交办",
  "assignment.acknowledged": "签收",
  "report.submitted": "反馈待审核",
  "report.resubmitted": "反馈重新提交",
  "report.returned": "反馈被退回",
  "report.approved": "反馈已通过",
  notice: "督办单",
  "notice.replied": "督办单已回复",
  notice_returned: "督办单回复被退回",
  "notice.accepted": "督办单已办结",
  "extension.submitted": "延期申请待审批",
  extension: "延期审批结果",
  "rectification.created": "整改事项",
  "rectification.submitted": "整改待验收",
  "rectification.returned": "整改被退回",
  "rectification.accepted": "整改已销号",
  "task.close_requested": "申请办结",
  "task.closed": "任务已销号",
  "task.close_returned": "办结申请被退回",
  "instruction.created": "领导批示",
  "instruction.acknowledged": "批示已签收",
  "bulletin.issued": "督查通报",
  "form.returned": "填报被退回",
  "assessment.published": "考评结果发布",
  "assessment.appeal_submitted": "考评申诉待处理",
  "assessment.appeal_decided": "考评申诉处理结果",
  "cascade_notice.issued": "上级督办单",
  "cascade_notice.replied": "下级督办单已回复",
  "cascade_notice.decided": "上级督办单审核结果",
  "cascade.handed_down": "上级下达",
  "cascade.upward_report": "向上报送",
  reminder: "催办",
} as const;

/** A kind of notification, as a preference names it. */
export type NotificationKind = keyof typeof notificationKindLabels;

/** Every notification kind, in the order the settings list them. */
export const notificationKinds = Object.keys(notificationKindLabels) as NotificationKind[];

/** The kind a stored notification counts as for preferences: every 催办 row (reminder_due, …) is a reminder. */
export function notificationKindOf(rowKind: string): NotificationKind | null {
  if (rowKind.startsWith("reminder_")) return "reminder";
  return rowKind in notificationKindLabels ? (rowKind as NotificationKind) : null;
}

/**
 * How a user hears of one kind: in the app only; also pushed at once (email, 企业微信 / 钉钉 robot); or in the app
 * and in one daily digest at 08:00.
 */
export const notificationModes = ["in_app", "push", "digest"] as const;
/** How a user hears of one kind. */
export type NotificationMode = (typeof notificationModes)[number];

/** The mode of a kind the user has not chosen. */
export const defaultNotificationMode: NotificationMode = "push";

/** Chinese names of the modes. */
export const notificationModeLabels: Record<NotificationMode, string> = {
  in_app: "仅站内",
  push: "站内并推送",
  digest: "每日汇总（8:00）",
};

/** One kind's choice. */
export const notificationPreferenceSchema = z.object({
  kind: z.enum(notificationKinds as [NotificationKind, ...NotificationKind[]], {
    error: "未知的通知类型",
  }),
  mode: z.enum(notificationModes, { error: "接收方式应为仅站内、站内并推送或每日汇总" }),
});
/** One kind's choice. */
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** `GET /api/notification-preferences`: every kind with the user's mode (the default where not chosen). */
export const notificationPreferencesSchema = z.object({ preferences: z.array(notificationPreferenceSchema) });
/** The user's notification preferences. */
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** Body of `PUT /api/notification-preferences`: the kinds to change, each once. */
export const notificationPreferencesInputSchema = z.strictObject({
  preferences: z
    .array(notificationPreferenceSchema)
    .min(1, { error: "请至少选择一项" })
    .max(notificationKinds.length)
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, {
      error: "每种通知只能设置一次",
    }),
});
/** Preferences update input. */
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInputSchema>;

/** A push a notification still owes: one grouped message at the end of a scheduler pass, or the 08:00 digest. */
export const notificationPushStates = ["group", "digest"] as const;
/** A push a notification still owes. */
export type NotificationPushState = (typeof notificationPushStates)[number];

/** The web paths notifications open: one builder per record they are about. */
export const notificationLinks = {
  /** An assignment opens its task page. */
  assignment: (assignmentId: string) => `/assignments/${assignmentId}`,
  /** A report opens its assignment's task page, scrolled to the report. */
  report: (assignmentId: string, reportId: string) => `/assignments/${assignmentId}?report=${reportId}`,
  notice: (noticeId: string) => `/notices/${noticeId}`,
  extension: (extensionId: string) => `/extensions/${extensionId}`,
  rectification: (rectificationId: string) => `/rectifications/${rectificationId}`,
  task: (planId: string, nodeId: string) => `/plans/${planId}/tasks/${nodeId}`,
  instruction: (instructionId: string) => `/instructions/${instructionId}`,
  bulletin: (bulletinId: string) => `/bulletins/${bulletinId}`,
  /** A 考评 run opens its results page (a unit sees its own row and its appeal there). */
  assessment: (assessmentId: string) => `/assessments/${assessmentId}`,
  /** A unit's submission of a form opens its page, where the unit fills it in and a reviewer reads it. */
  formSubmission: (submissionId: string) => `/form-submissions/${submissionId}`,
  /** A superior's 督办单 opens the addressed bureau's 上级督办 list at it. */
  receivedCascadeNotice: (noticeId: string) => `/cascade?tab=notices&notice=${noticeId}`,
  /** A subordinate's answer opens the superior's 下达与汇总 at the hand-down. */
  issuedCascadeNotice: (handDownId: string) => `/cascade?tab=down&handDown=${handDownId}`,
  /** A hand-down received from the superior opens the bureau's 上级下达 list with it open to 接收. */
  received: (linkId: string) => `/cascade?tab=inbox&received=${linkId}`,
  /** An upward report opens the superior's 下达与汇总 at the hand-down it answers. */
  handDown: (handDownId: string) => `/cascade?handDown=${handDownId}`,
} as const;

/** Which record each kind opens (a 催办 opens the assignment, or the 整改 item it is about). */
export const notificationLinkKinds: Record<NotificationKind, (keyof typeof notificationLinks)[]> = {
  "assignment.created": ["assignment"],
  "assignment.acknowledged": ["assignment"],
  "report.submitted": ["report"],
  "report.resubmitted": ["report"],
  "report.returned": ["report"],
  "report.approved": ["report"],
  notice: ["notice"],
  "notice.replied": ["notice"],
  notice_returned: ["notice"],
  "notice.accepted": ["notice"],
  "extension.submitted": ["extension"],
  extension: ["extension"],
  "rectification.created": ["rectification"],
  "rectification.submitted": ["rectification"],
  "rectification.returned": ["rectification"],
  "rectification.accepted": ["rectification"],
  "task.close_requested": ["task"],
  "task.closed": ["task"],
  "task.close_returned": ["task"],
  "instruction.created": ["instruction"],
  "instruction.acknowledged": ["instruction"],
  "bulletin.issued": ["bulletin"],
  "form.returned": ["formSubmission"],
  "assessment.published": ["assessment"],
  "assessment.appeal_submitted": ["assessment"],
  "assessment.appeal_decided": ["assessment"],
  "cascade_notice.issued": ["receivedCascadeNotice"],
  "cascade_notice.replied": ["issuedCascadeNotice"],
  "cascade_notice.decided": ["receivedCascadeNotice"],
  "cascade.handed_down": ["received"],
  "cascade.upward_report": ["handDown"],
  reminder: ["assignment", "rectification"],
};
