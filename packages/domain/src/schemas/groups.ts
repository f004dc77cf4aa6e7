import { z } from "zod";
import { limits } from "../limits.js";
import { groupAbilitiesSchema, groupListAbilitiesSchema } from "../policies/groups.js";
import { ownerships, schoolTypes, unitKinds } from "../units.js";
import {
  idSchema,
  nameSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  searchSchema,
  versionSchema,
} from "./common.js";
import { lineText, multilineText } from "./primitives.js";
import { unitOptionSchema } from "./units.js";

/** A rule selecting units by their attributes; empty lists mean "any". */
export const groupRuleSchema = z.strictObject({
  kind: z.enum(unitKinds).nullable().optional(),
  schoolTypes: z.array(z.enum(schoolTypes)).max(20).optional(),
  ownerships: z.array(z.enum(ownerships)).max(10).optional(),
  townships: z.array(lineText().min(1).max(limits.nameMax)).max(200).optional(),
});
/** A group rule. */
export type GroupRule = z.infer<typeof groupRuleSchema>;

/** Saved list of units, or a rule evaluated whenever the group is used. */
export const groupKinds = ["list", "rule"] as const;
/** A group kind. */
export type GroupKind = (typeof groupKinds)[number];

const groupFields = {
  name: nameSchema,
  description: multilineText().trim().max(limits.textMax).nullable().optional(),
  kind: z.enum(groupKinds),
  unitIds: z.array(idSchema).max(2000).optional(),
  rule: groupRuleSchema.nullable().optional(),
};

/** A list group names its units; a rule group has a rule. */
function checkGroupShape(
  value: { kind: string; unitIds?: string[] | undefined; rule?: unknown },
  ctx: z.RefinementCtx,
) {
  if (value.kind === "list" && !value.unitIds?.length)
    ctx.addIssue({ code: "custom", path: ["unitIds"], message: "请至少选择一个单位" });
  if (value.kind === "rule" && !value.rule)
    ctx.addIssue({ code: "custom", path: ["rule"], message: "请设置分组规则" });
}

/** Body of `POST /api/groups`. */
export const groupCreateSchema = z.strictObject(groupFields).superRefine(checkGroupShape);
/** Group create input. */
export type GroupCreateInput = z.infer<typeof groupCreateSchema>;

/** Body of `PUT /api/groups/:id`. */
export const groupUpdateSchema = z
  .strictObject({ ...groupFields, version: versionSchema })
  .superRefine(checkGroupShape);
/** Group update input. */
export type GroupUpdateInput = z.infer<typeof groupUpdateSchema>;

/** Query of `GET /api/groups`. */
export const groupQuerySchema = pageQuerySchema.extend({ q: searchSchema });
/** Group list query. */
export type GroupQuery = z.infer<typeof groupQuerySchema>;

/** Body of `POST /api/groups/preview`: the rule whose units the editor previews. */
export const groupPreviewSchema = z.strictObject({ rule: groupRuleSchema });
/** Group preview input. */
export type GroupPreviewInput = z.infer<typeof groupPreviewSchema>;

/** A unit group as the API returns it, with its resolved member count. */
export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(groupKinds),
  unitIds: z.array(z.string()),
  rule: groupRuleSchema.nullable(),
  memberCount: z.number(),
  enabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: groupAbilitiesSchema,
});
/** A unit group. */
export type Group = z.infer<typeof groupSchema>;

/** A page of `GET /api/groups`. */
export const groupPageSchema = pageOf(groupSchema, groupListAbilitiesSchema);
/** A page of groups. */
export type GroupPage = z.infer<typeof groupPageSchema>;

/** A unit a group stands for: enough to show and pick it. */
export const groupMemberSchema = unitOptionSchema.extend({
  ownership: z.enum(ownerships).nullable(),
  township: z.string().nullable(),
});
/** A group member. */
export type GroupMember = z.infer<typeof groupMemberSchema>;

/** A page of a group's members, or of the units a rule would select. */
export const groupMemberPageSchema = pageOf(groupMemberSchema, noListAbilitiesSchema);
/** A page of group members. */
export type GroupMemberPage = z.infer<typeof groupMemberPageSchema>;
