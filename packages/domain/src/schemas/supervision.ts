import { z } from "zod";
import { limits } from "../limits.js";
import { extensionAbilitiesSchema, extensionStatuses } from "../policies/extensions.js";
import {
  noticeAbilitiesSchema,
  noticeLedgerAbilitiesSchema,
  noticeSources,
  noticeStatuses,
} from "../policies/notices.js";
import {
  decisionSchema,
  idSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  searchSchema,
} from "./common.js";
import { calendarDateSchema, multilineText } from "./primitives.js";

/** 督办单 levels, mildest first: blue 提醒, yellow 警示, red 督办. */
export const noticeLevels = ["blue", "yellow", "red"] as const;
/** A 督办单 level. */
export type NoticeLevel = (typeof noticeLevels)[number];
/** Chinese names of the levels, as printed in the 督办台账. */
export const noticeLevelLabels: Record<NoticeLevel, string> = {
  blue: "蓝色提醒",
  yellow: "黄色警示",
  red: "红色督办",
};

const reasonText = multilineText().trim().min(1, { error: "不能为空" }).max(limits.textMax);

/** Body of `POST /api/notices`: a 督办单 raised by hand on a task or one unit's assignment. */
export const noticeCreateSchema = z
  .strictObject({
    nodeId: idSchema,
    assignmentId: idSchema.optional(),
    unitId: idSchema.optional(),
    level: z.enum(noticeLevels),
    reason: reasonText,
    replyDue: calendarDateSchema,
    /** Raise it even though an open notice of the same level for the unit and task exists (after the warning). */
    allowDuplicate: z.boolean().optional(),
  })
  .refine((v) => v.assignmentId || v.unitId, { path: ["unitId"], error: "请选择责任单位" });
/** Manual notice input. */
export type NoticeCreateInput = z.infer<typeof noticeCreateSchema>;

/** Body of `POST /api/notices/:id/reply`: the unit's 办理情况, measures and evidence. */
export const noticeReplySchema = z.strictObject({
  text: reasonText,
  measures: multilineText().trim().max(limits.textMax).default(""),
  fileIds: z.array(idSchema).max(20).default([]),
});
/** Notice reply input. */
export type NoticeReplyInput = z.infer<typeof noticeReplySchema>;
/** A notice reply body as sent: measures and files may be left out. */
export type NoticeReplyBody = z.input<typeof noticeReplySchema>;

/** Body of `POST /api/notices/:id/decision`: the supervisor accepts a reply or sends it back. */
export const noticeDecisionSchema = decisionSchema("accept", "return", "退回时请填写原因");
/** Notice decision input. */
export type NoticeDecisionInput = z.infer<typeof noticeDecisionSchema>;

/** Filters of the 督办台账 and its export. */
export const noticeListQuerySchema = pageQuerySchema.extend({
  level: z.enum(noticeLevels).optional(),
  status: z.enum(noticeStatuses).optional(),
  unitId: idSchema.optional(),
  planId: idSchema.optional(),
  overdueReply: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  /** A keyword matched against the notice's reason, its task's title and the unit's name. */
  q: searchSchema,
});
/** Ledger filters. */
export type NoticeListQuery = z.infer<typeof noticeListQuerySchema>;
/** Ledger filters as sent in the query string. */
export type NoticeListQueryParams = z.input<typeof noticeListQuerySchema>;

/** One step in a notice's history. */
export const noticeEventSchema = z.object({
  action: z.string(),
  level: z.string().nullable(),
  text: z.string().nullable(),
  measures: z.string().nullable(),
  fileIds: z.array(z.string()),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

/** A 督办单 as the API returns it. */
export const noticeSchema = z.object({
  id: z.string(),
  planId: z.string(),
  node: z.object({ id: z.string(), title: z.string(), label: z.string().nullable() }),
  assignmentId: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  /** 文号 given at creation (督办〔2023〕12号); null on notices raised before numbering began. */
  documentNumber: z.string().nullable(),
  level: z.enum(noticeLevels),
  source: z.enum(noticeSources),
  reason: z.string(),
  replyDue: z.string().nullable(),
  status: z.enum(noticeStatuses),
  closeNote: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  events: z.array(noticeEventSchema).optional(),
  abilities: noticeAbilitiesSchema,
});
/** A 督办单. */
export type Notice = z.infer<typeof noticeSchema>;
/** One step in a notice's history. */
export type NoticeEvent = z.infer<typeof noticeEventSchema>;

/** A page of `GET /api/notices`. */
export const noticePageSchema = pageOf(noticeSchema, noticeLedgerAbilitiesSchema);
/** A page of the ledger. */
export type NoticePage = z.infer<typeof noticePageSchema>;

/** The answer of `POST /api/notices/scan`: what one automatic pass raised, upgraded and closed. */
export const noticeScanResultSchema = z.object({
  raised: z.number(),
  upgraded: z.number(),
  closed: z.number(),
});
/** Scan counts. */
export type NoticeScanResult = z.infer<typeof noticeScanResultSchema>;

/** Body of `POST /api/extensions`: a later due date asked for before the current one passes. */
export const extensionCreateSchema = z.strictObject({
  assignmentId: idSchema,
  requestedDue: calendarDateSchema,
  reason: reasonText,
  progress: z.number().min(0).max(100),
});
/** Extension request input. */
export type ExtensionCreateInput = z.infer<typeof extensionCreateSchema>;

/** Body of `POST /api/extensions/:id/decision`. */
export const extensionDecisionSchema = decisionSchema("approve", "refuse", "不同意时请填写理由");
/** Extension decision input. */
export type ExtensionDecisionInput = z.infer<typeof extensionDecisionSchema>;

/** Filters of the extension list. */
export const extensionListQuerySchema = pageQuerySchema.extend({
  status: z.enum(extensionStatuses).optional(),
  unitId: idSchema.optional(),
});
/** Extension list filters. */
export type ExtensionListQuery = z.infer<typeof extensionListQuerySchema>;

/** A 延期申请 as the API returns it. */
export const extensionSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeTitle: z.string(),
  assignmentId: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  oldDue: z.string(),
  requestedDue: z.string(),
  reason: z.string(),
  progress: z.number(),
  status: z.enum(extensionStatuses),
  refusalReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  abilities: extensionAbilitiesSchema,
});
/** A 延期申请. */
export type Extension = z.infer<typeof extensionSchema>;

/** A page of `GET /api/extensions`; requests are made from an assignment, not from the list. */
export const extensionPageSchema = pageOf(extensionSchema, noListAbilitiesSchema);
/** A page of extension requests. */
export type ExtensionPage = z.infer<typeof extensionPageSchema>;

/** An in-app notification. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
/** An in-app notification. */
export type Notification = z.infer<typeof notificationSchema>;

/** Query of `GET /api/notifications`: a page, optionally unread only. */
export const notificationQuerySchema = pageQuerySchema.extend({
  unread: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
/** Notification list query. */
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

/** A page of `GET /api/notifications`, newest first, with the user's unread count for the bell. */
export const notificationPageSchema = pageOf(notificationSchema, noListAbilitiesSchema).extend({
  unreadCount: z.number(),
});
/** A page of notifications. */
export type NotificationPage = z.infer<typeof notificationPageSchema>;

/** The answer of `POST /api/notifications/read-all`: how many were marked read. */
export const readAllResultSchema = z.object({ updated: z.number() });
/** Read-all result. */
export type ReadAllResult = z.infer<typeof readAllResultSchema>;
