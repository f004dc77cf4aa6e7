import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";
import {
  assessmentEntryListAbilities,
  isAssessedUnitUser,
  managesAssessments,
  seesAllAssessments,
} from "./assessment.js";
import { auditAbilities } from "./audit.js";
import { canWriteBulletins } from "./bulletins.js";
import { canReadCascade, cascadeListAbilities } from "./cascade.js";
import { canManageChannels } from "./channels.js";
import { cockpitMenuAbilities, cockpitMenuAbilitiesSchema } from "./cockpit.js";
import { canSeeDocumentNumbers, documentNumberAbilities } from "./document-numbers.js";
import { canManageGroups, canViewGroups } from "./groups.js";
import { canUseInspections, inspectionListAbilities } from "./inspections.js";
import { canWriteInstructions } from "./instructions.js";
import { noticeLedgerAbilities, seesAllNotices } from "./notices.js";
import { canCreateRectification } from "./rectifications.js";
import { canViewUnitKeywords, unitKeywordAbilities } from "./unit-keywords.js";
import { canManageUnits, canViewUnits } from "./units.js";
import { canManageUsers, canViewUsers } from "./users.js";
import { canViewWorkCalendarPage, workCalendarAbilities } from "./work-calendar.js";

/** The areas of the app, each with its own route, in the order the side menu lists them. */
export const menuAreas = [
  "plans",
  "planImports",
  "notices",
  "extensions",
  "rectifications",
  "inspections",
  "instructions",
  "cascade",
  "bulletins",
  "assessments",
  "units",
  "groups",
  "users",
  "audit",
  "unitKeywords",
  "channels",
  "workCalendar",
  "documentNumbers",
] as const;
/** An area of the app. */
export type MenuArea = (typeof menuAreas)[number];

/** What one area offers the actor: open it, find it in the side menu, manage (create, edit) its records. */
export const areaAbilitiesSchema = z.object({ open: z.boolean(), listed: z.boolean(), manage: z.boolean() });
/** What one area offers the actor. */
export type AreaAbilities = z.infer<typeof areaAbilitiesSchema>;

/** What the menu may offer the signed-in user: one entry per area, plus the unit's own work and two actions. */
export const menuAbilitiesSchema = z.object({
  areas: z.object({
    plans: areaAbilitiesSchema,
    planImports: areaAbilitiesSchema,
    notices: areaAbilitiesSchema,
    extensions: areaAbilitiesSchema,
    rectifications: areaAbilitiesSchema,
    inspections: areaAbilitiesSchema,
    instructions: areaAbilitiesSchema,
    cascade: areaAbilitiesSchema,
    bulletins: areaAbilitiesSchema,
    assessments: areaAbilitiesSchema,
    units: areaAbilitiesSchema,
    groups: areaAbilitiesSchema,
    users: areaAbilitiesSchema,
    audit: areaAbilitiesSchema,
    unitKeywords: areaAbilitiesSchema,
    channels: areaAbilitiesSchema,
    workCalendar: areaAbilitiesSchema,
    documentNumbers: areaAbilitiesSchema,
  }),
  /** 本单位工作: a school's own assignments. */
  unitWork: z.boolean(),
  /** 我的考评: the published 考评 results of the user's own school or department. */
  myAssessments: z.boolean(),
  /** 考评加减分: a department enters 加分 / 扣分 for units (the 督查室 does it on its 考评 page). */
  assessmentEntries: z.boolean(),
  /** 下发督办单 on a task. */
  raiseNotices: z.boolean(),
  /** 填报周期 of a plan. */
  manageCycles: z.boolean(),
  /** 领导驾驶舱: whether it opens and whether it is the home page. */
  cockpit: cockpitMenuAbilitiesSchema,
});
/** What the menu may offer the signed-in user. */
export type MenuAbilities = z.infer<typeof menuAbilitiesSchema>;

/** An area the actor may open; listed in the menu unless `listed` says otherwise. */
function area(open: boolean, manage: boolean, listed: boolean = open): AreaAbilities {
  return { open, listed: open && listed, manage: open && manage };
}

/**
 * The menu of the actor, from the same rules the API enforces. Some areas open to roles they are not listed for:
 * an inspector follows a link to a 督办单 or an extension but has no ledger of them, an admin reads visits the
 * menu does not offer, a leader picks groups only when handing out tasks.
 */
export function menuAbilities(actor: PolicyActor): MenuAbilities {
  const anyRole = actor.roles.length > 0;
  const importPlans = hasAnyRole(actor, "supervisor", "admin");
  const ledger = seesAllNotices(actor);
  const decideExtensions = hasAnyRole(actor, "supervisor", "department");
  return {
    areas: {
      plans: area(anyRole, importPlans),
      planImports: area(importPlans, importPlans, false),
      notices: area(anyRole, ledger, ledger || hasAnyRole(actor, "school")),
      extensions: area(anyRole, decideExtensions, decideExtensions),
      rectifications: area(anyRole, canCreateRectification(actor)),
      inspections: area(
        canUseInspections(actor),
        inspectionListAbilities(actor).create,
        hasAnyRole(actor, "leader", "supervisor", "inspector"),
      ),
      instructions: area(canWriteInstructions(actor), canWriteInstructions(actor)),
      // 上下联动: the 督查室 hands down and links, leaders follow both sides.
      cascade: area(canReadCascade(actor), cascadeListAbilities(actor).handDown),
      // Every role may open 督查通报 (a unit reads the issued ones naming it); the menu lists it where there are some.
      bulletins: area(
        anyRole,
        canWriteBulletins(actor),
        hasAnyRole(actor, "leader", "supervisor", "department", "school"),
      ),
      // 考评: leaders read the rankings; the 督查室 edits schemes, runs, publishes and decides appeals.
      assessments: area(seesAllAssessments(actor), managesAssessments(actor)),
      units: area(canViewUnits(actor), canManageUnits(actor)),
      groups: area(
        canViewGroups(actor),
        canManageGroups(actor),
        hasAnyRole(actor, "admin", "supervisor", "department"),
      ),
      users: area(canViewUsers(actor), canManageUsers(actor)),
      audit: area(auditAbilities(actor).view, auditAbilities(actor).view),
      unitKeywords: area(canViewUnitKeywords(actor), unitKeywordAbilities(actor).update),
      channels: area(canManageChannels(actor), canManageChannels(actor)),
      workCalendar: area(canViewWorkCalendarPage(actor), workCalendarAbilities(actor).update),
      // Leaders may read the prefixes; only those who set them find the page in the menu.
      documentNumbers: area(
        canSeeDocumentNumbers(actor),
        documentNumberAbilities(actor).update,
        documentNumberAbilities(actor).update,
      ),
    },
    unitWork: !!actor.unitId && hasAnyRole(actor, "school"),
    myAssessments: isAssessedUnitUser(actor),
    assessmentEntries: assessmentEntryListAbilities(actor).create && !seesAllAssessments(actor),
    raiseNotices: noticeLedgerAbilities(actor).create,
    manageCycles: hasAnyRole(actor, "supervisor"),
    cockpit: cockpitMenuAbilities(actor),
  };
}
