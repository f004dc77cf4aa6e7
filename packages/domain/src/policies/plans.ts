import { z } from "zod";
import type { planImportStatuses } from "../plans.js";
import { hasAnyRole, nextStatus, type PolicyActor, type Transitions } from "./actor.js";
import { canManageCycles } from "./cycles.js";
import { canExportLedger } from "./ledger.js";

/**
 * A plan is read by every role once published; a draft（征求意见稿）only by those who import plans. An archived
 * plan（归档）is still read by all, but nothing is followed up on it: no 催办, no automatic 督办单.
 */
export const planStatuses = ["draft", "published", "archived"] as const;
/** A plan's status. */
export type PlanStatus = (typeof planStatuses)[number];
/** Chinese names of the plan statuses. */
export const planStatusLabels: Record<PlanStatus, string> = {
  draft: "草稿",
  published: "已发布",
  archived: "已归档",
};

/** What moves a plan between published and archived. */
export const planActions = ["archive", "unarchive"] as const;
/** A plan action. */
export type PlanAction = (typeof planActions)[number];

/** From-status × action → to-status: a published plan is archived（归档）, and an archived one taken back. */
export const planTransitions: Transitions<PlanStatus, PlanAction> = {
  draft: {},
  published: { archive: "archived" },
  archived: { unarchive: "published" },
};

/**
 * How a plan whose year is over is published: as a record（存档: archived at once, nothing reminded or
 * raised), or live（继续督办: reminders and automatic 督办 as for this year's plans）.
 */
export const pastYearModes = ["record", "live"] as const;
/** A past-year publishing mode. */
export type PastYearMode = (typeof pastYearModes)[number];

/**
 * Whether a plan's open work is still followed up (催办 and automatic 督办单) in `year`: a published plan of
 * this year or a later one, or of a past year the bureau chose to keep live. The server's SQL says the same.
 */
export function isPlanFollowedUp(
  plan: { status: PlanStatus; year: number; livePastYear: boolean },
  year: number,
): boolean {
  return plan.status === "published" && (plan.year >= year || plan.livePastYear);
}

/** An imported document's status. */
export type PlanImportStatus = (typeof planImportStatuses)[number];

/** What can be done to an import under review. */
export const planImportActions = ["update", "publish", "discard"] as const;
/** An action on an import. */
export type PlanImportAction = (typeof planImportActions)[number];

/** From-status × action → to-status: a draft is edited until it is published or given up, both final. */
export const planImportTransitions: Transitions<PlanImportStatus, PlanImportAction> = {
  reviewing: { update: "reviewing", publish: "published", discard: "discarded" },
  published: {},
  discarded: {},
};

/** What the actor may do with the list of plans. */
export const planListAbilitiesSchema = z.object({
  /** Import a 工作要点 to review and publish. */
  import: z.boolean(),
});
/** What the actor may do with the list of plans. */
export type PlanListAbilities = z.infer<typeof planListAbilitiesSchema>;

/** What the actor may do with one published plan. */
export const planAbilitiesSchema = z.object({
  /** Copy it into another year as a draft. */
  copy: z.boolean(),
  /** Set its cadence and open and close its reporting cycles. */
  manageCycles: z.boolean(),
  /** 归档: stop every reminder and automatic 督办 on it. */
  archive: z.boolean(),
  /** 取消归档: follow it up again. */
  unarchive: z.boolean(),
  /** Download the plan-wide 工作台账 (.xlsx) and read its cycles' 报送情况. */
  ledger: z.boolean(),
});
/** What the actor may do with one plan. */
export type PlanAbilities = z.infer<typeof planAbilitiesSchema>;

/** What the actor may do with one imported draft. */
export const planImportAbilitiesSchema = z.object({
  update: z.boolean(),
  publish: z.boolean(),
  discard: z.boolean(),
});
/** What the actor may do with one imported draft. */
export type PlanImportAbilities = z.infer<typeof planImportAbilitiesSchema>;

/** Every role of the bureau reads its plans. */
export function canViewPlans(actor: PolicyActor): boolean {
  return actor.roles.length > 0;
}

/** Who imports, reviews, publishes and copies plans: the supervision office and administrators. */
export function canImportPlans(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor", "admin");
}

/**
 * Whether the actor may read a plan or an imported document in this status. What is published is for every
 * role; a draft under review (or given up) is the work of those who import plans, so to everyone else, leaders
 * included (they read what the bureau has published), it does not exist.
 */
export function canViewPlanStatus(actor: PolicyActor, status: PlanStatus | PlanImportStatus): boolean {
  return canViewPlans(actor) && (status === "published" || status === "archived" || canImportPlans(actor));
}

/** What the actor may do with the list of plans. */
export function planListAbilities(actor: PolicyActor): PlanListAbilities {
  return { import: canImportPlans(actor) };
}

/** What the actor may do with a plan; archiving follows its status (none without one, as in lists of cycles). */
export function planAbilities(actor: PolicyActor, plan?: { status: PlanStatus }): PlanAbilities {
  const allows = (action: PlanAction) =>
    !!plan && canImportPlans(actor) && nextStatus(planTransitions, plan.status, action) !== null;
  return {
    copy: canImportPlans(actor),
    manageCycles: canManageCycles(actor),
    archive: allows("archive"),
    unarchive: allows("unarchive"),
    ledger: canExportLedger(actor),
  };
}

/** Who may archive or take back plans, whatever their state: those who publish them. */
export function planPermissions(actor: PolicyActor): { archive: boolean; unarchive: boolean } {
  const may = canImportPlans(actor);
  return { archive: may, unarchive: may };
}

/** Who may act on an import, whatever its state. */
export function planImportPermissions(actor: PolicyActor): PlanImportAbilities {
  const may = canImportPlans(actor);
  return { update: may, publish: may, discard: may };
}

/** What the actor may do with the import now: only a draft under review changes. */
export function planImportAbilities(
  actor: PolicyActor,
  planImport: { status: PlanImportStatus },
): PlanImportAbilities {
  const may = planImportPermissions(actor);
  const allows = (action: PlanImportAction) =>
    nextStatus(planImportTransitions, planImport.status, action) !== null;
  return {
    update: may.update && allows("update"),
    publish: may.publish && allows("publish"),
    discard: may.discard && allows("discard"),
  };
}
