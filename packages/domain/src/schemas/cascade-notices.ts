/**
 * 上级督办: a superior bureau's 督办单 to one subordinate bureau about one item it handed down to it, answered by
 * the subordinate's 督查室 as a unit answers a notice, and accepted or returned by the superior's.
 *
 * Routes (superior side: the 督查室 issues and decides, leaders read):
 *   POST /api/hand-downs/:id/notices             issue one to a bureau holding the hand-down (pending or linked)
 *   GET  /api/hand-downs/:id/notices             a page of the hand-down's notices, newest first
 *   POST /api/hand-down-notices/:id/decision     accept（办结）or return the subordinate's answer
 *   GET  /api/hand-down-notices/:id/document     its 督办通知单 (GB/T 9704 Word)
 * Routes (subordinate side: reached only through its own link to the hand-down):
 *   GET  /api/cascade/notices?status=            a page of the notices addressed to the actor's bureau
 *   GET  /api/cascade/notices/:id                one of them
 *   GET  /api/cascade/notices/:id/document       its 督办通知单, as the superior issued it
 *   POST /api/cascade/notices/:id/reply          the 督查室's answer: 办理情况 and measures
 */
import { z } from "zod";
import { limits } from "../limits.js";
import {
  cascadeNoticeAbilitiesSchema,
  cascadeNoticeEventActions,
  cascadeNoticeListAbilitiesSchema,
  cascadeNoticeStatuses,
} from "../policies/cascade-notices.js";
import {
  decisionSchema,
  idSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  refSchema,
  versionSchema,
} from "./common.js";
import { calendarDateSchema, multilineText } from "./primitives.js";
import { noticeLevels } from "./supervision.js";

const requiredText = (error: string) => multilineText().trim().min(1, { error }).max(limits.textMax);

/** Body of `POST /api/hand-downs/:id/notices`: the bureau it goes to, its colour, reason and reply deadline. */
export const cascadeNoticeCreateSchema = z.strictObject({
  tenantId: idSchema,
  level: z.enum(noticeLevels, { error: "督办等级应为蓝色提醒、黄色警示或红色督办" }),
  reason: requiredText("请填写督办事由"),
  replyDue: calendarDateSchema,
});
/** Cross-bureau notice input. */
export type CascadeNoticeCreateInput = z.infer<typeof cascadeNoticeCreateSchema>;

/** Body of `POST /api/cascade/notices/:id/reply`: the subordinate's 办理情况 and measures. */
export const cascadeNoticeReplySchema = z.strictObject({
  version: versionSchema,
  text: requiredText("请填写办理情况"),
  measures: multilineText().trim().max(limits.textMax).default(""),
});
/** Reply input as parsed. */
export type CascadeNoticeReplyInput = z.infer<typeof cascadeNoticeReplySchema>;
/** Reply input as a client sends it: measures may be left out. */
export type CascadeNoticeReplyBody = z.input<typeof cascadeNoticeReplySchema>;

/** Body of `POST /api/hand-down-notices/:id/decision`: accept the answer, or return it with a reason. */
export const cascadeNoticeDecisionSchema = decisionSchema("accept", "return", "退回时请填写原因");
/** Decision input. */
export type CascadeNoticeDecisionInput = z.infer<typeof cascadeNoticeDecisionSchema>;

/** One step in a cross-bureau notice's history, with the bureau whose person took it. */
export const cascadeNoticeEventSchema = z.object({
  action: z.enum(cascadeNoticeEventActions),
  bureau: z.string(),
  actorName: z.string().nullable(),
  text: z.string().nullable(),
  measures: z.string().nullable(),
  createdAt: z.string(),
});
/** One step in a cross-bureau notice's history. */
export type CascadeNoticeEvent = z.infer<typeof cascadeNoticeEventSchema>;

/**
 * A cross-bureau 督办单 as either side reads it. `handDownId` is the superior's hand-down (issuing side only),
 * `receivedId` the subordinate's inbox item (addressed side only): each side sees only its own record's id.
 */
export const cascadeNoticeSchema = z.object({
  id: z.string(),
  from: refSchema,
  to: refSchema,
  handDownId: z.string().nullable(),
  receivedId: z.string().nullable(),
  item: z.object({ label: z.string().nullable(), title: z.string() }),
  /** 文号 from the issuing bureau's notice series. */
  documentNumber: z.string().nullable(),
  level: z.enum(noticeLevels),
  reason: z.string(),
  replyDue: z.string(),
  status: z.enum(cascadeNoticeStatuses),
  version: z.number(),
  createdAt: z.string(),
  events: z.array(cascadeNoticeEventSchema),
  abilities: cascadeNoticeAbilitiesSchema,
});
/** A cross-bureau 督办单. */
export type CascadeNotice = z.infer<typeof cascadeNoticeSchema>;

/** `GET /api/hand-downs/:id/notices`. */
export const issuedCascadeNoticePageSchema = pageOf(cascadeNoticeSchema, cascadeNoticeListAbilitiesSchema);
/** A page of a hand-down's notices. */
export type IssuedCascadeNoticePage = z.infer<typeof issuedCascadeNoticePageSchema>;

/** `GET /api/cascade/notices`. */
export const receivedCascadeNoticeQuerySchema = pageQuerySchema.extend({
  status: z.enum(cascadeNoticeStatuses, { error: "状态应为待回复、已回复、已办结或已退回" }).optional(),
});
/** Received notices query. */
export type ReceivedCascadeNoticeQuery = z.infer<typeof receivedCascadeNoticeQuerySchema>;
/** A page of the notices addressed to the actor's bureau. */
export const receivedCascadeNoticePageSchema = pageOf(cascadeNoticeSchema, noListAbilitiesSchema);
/** A page of received notices. */
export type ReceivedCascadeNoticePage = z.infer<typeof receivedCascadeNoticePageSchema>;
