import {
  canViewPlanStatus,
  canViewPlans,
  type NodeStatus,
  type PlanDetail,
  type PlanTreeNode,
  type PolicyActor,
  planAbilities,
  planDetailSchema,
  shanghaiDate,
  type TaskAbilities,
  taskAbilities,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findPlanPoints } from "../indicator-formulas/index.js";
import { findUnitNames } from "../units/index.js";
import { findApprovedValues } from "./approved-values.repository.js";
import {
  findUnreadableDates,
  indicatorNow,
  latestPerUnit,
  lightTree,
  type UnreadableDate,
  unitsPerIndicator,
} from "./plan-status.js";
import { toPlanSummary } from "./plan-summary.js";
import { buildPlanTree } from "./plan-tree.js";
import * as repo from "./plans.repository.js";

type PlanWithVersion = NonNullable<Awaited<ReturnType<typeof repo.findPlanWithVersion>>>;

/**
 * A plan's page as of one data version and day, without what depends on the reader: the tree with its lights,
 * indicator figures and assignment counts (each node's abilities are filled in per reader), and the answers
 * already serialized for each pattern of abilities readers have had.
 */
interface PlanView {
  nodes: PlanTreeNode[];
  /** What a node's abilities are computed from, by node id. */
  rules: Map<string, { leadUnitId: string | null; status: NodeStatus }>;
  light: PlanDetail["light"];
  lightCounts: PlanDetail["lightCounts"];
  unreadable: UnreadableDate[];
  bodies: Map<string, Buffer>;
}

/** The views kept in this process, by tenant, plan and Shanghai day, with the data version they were built at. */
const views = new Map<string, { version: string; view: Promise<PlanView> }>();
/** Plans × days kept; a view of a large plan is a few hundred KB with its bodies. */
const VIEWS_KEPT = 32;
/** Ability patterns kept per view: the 督查室, leaders, schools and each department leading a task. */
const BODIES_KEPT = 32;

/** Placeholder abilities of a view's nodes; every answer replaces them with the reader's. */
const noAbilities: TaskAbilities = {
  assign: false,
  decompose: false,
  changeLead: false,
  requestClose: false,
  decideClose: false,
};

/** The plan row the actor may read, with the tenant's data version, or 404. */
async function readPlan(ctx: ServiceContext, id: string): Promise<PlanWithVersion> {
  const row = canViewPlans(ctx.actor)
    ? await repo.findPlanWithVersion(ctx.database.db, ctx.actor.tenantId, id)
    : null;
  if (!row || !canViewPlanStatus(ctx.actor, row.plan.status)) throw notFound("计划");
  return row;
}

/**
 * The plan's view for today: kept while the tenant's data version stands still (any committed write, by any
 * process, to a table the page is computed from moves it: triggers of the `data_version` migrations), so a
 * plan page read by many costs one primary-key read, not the plan's reports. Concurrent readers of a version not
 * yet built share one computation.
 */
async function viewOf(ctx: ServiceContext, row: PlanWithVersion): Promise<PlanView> {
  const now = ctx.clock.now();
  const key = [ctx.actor.tenantId, row.plan.id, shanghaiDate(now)].join("|");
  const kept = views.get(key);
  if (kept?.version === row.dataVersion) return kept.view;
  const view = buildView(ctx.database.db, { tenantId: ctx.actor.tenantId, plan: row.plan, now });
  // A reader that read an older version than the one kept (it lost a race) is answered, not kept.
  if (kept && BigInt(kept.version) > BigInt(row.dataVersion)) return view;
  views.delete(key);
  views.set(key, { version: row.dataVersion, view });
  if (views.size > VIEWS_KEPT) views.delete(views.keys().next().value!);
  // A failed computation is not kept: the next reader tries again.
  view.catch(() => {
    if (views.get(key)?.view === view) views.delete(key);
  });
  return view;
}

/** Computes a plan's tree with lights and indicator figures on `now`'s day. */
async function buildView(
  db: DbOrTx,
  at: { tenantId: string; plan: PlanWithVersion["plan"]; now: Date },
): Promise<PlanView> {
  const { tenantId, plan, now } = at;
  const [contents, assignmentCounts, approved, indicatorUnits, points] = await Promise.all([
    repo.findPlanContents(db, tenantId, plan.id),
    repo.countAssignments(db, tenantId, plan.id),
    findApprovedValues(db, tenantId, plan.id),
    repo.findIndicatorUnits(db, tenantId, plan.id),
    findPlanPoints(db, { tenantId, planId: plan.id, until: now }),
  ]);
  // Only the units the tree names (lead and co units), not every school of the bureau.
  const named = new Set(contents.nodeRows.flatMap((n) => [n.leadUnitId ?? [], ...n.coUnitIds].flat()));
  const unitNames = await findUnitNames(db, tenantId, [...named]);
  const computed = new Map(points.map((p) => [p.indicatorId, p]));
  const values = latestPerUnit(approved);
  const expectedUnits = unitsPerIndicator(indicatorUnits);
  const nodes = buildPlanTree(contents, {
    abilities: () => noAbilities,
    unitNames,
    assignmentCounts,
    indicatorNow: (i) =>
      indicatorNow(i, values, {
        year: plan.year,
        now,
        tolerance: plan.lightTolerance,
        expectedUnits,
        computed,
      }),
  });
  const lights = lightTree(nodes, plan, now);
  return {
    nodes,
    rules: new Map(contents.nodeRows.map((n) => [n.id, { leadUnitId: n.leadUnitId, status: n.status }])),
    light: lights.worst,
    lightCounts: lights.counts,
    unreadable: findUnreadableDates(nodes),
    bodies: new Map(),
  };
}

/** The view's tree with the reader's abilities on every node. */
function treeFor(actor: PolicyActor, view: PlanView, nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.map((n) => ({
    ...n,
    abilities: taskAbilities(actor, view.rules.get(n.id)!),
    children: treeFor(actor, view, n.children),
  }));
}

/** The plan page for the reader. */
function detailOf(ctx: ServiceContext, row: PlanWithVersion, view: PlanView): PlanDetail {
  const { plan } = row;
  return {
    ...toPlanSummary(ctx, row),
    preamble: plan.preamble,
    hasSourceFile: plan.fileId !== null,
    cadence: plan.cadence,
    cadenceDueDay: plan.cadenceDueDay,
    lightTolerance: plan.lightTolerance,
    version: plan.version,
    light: view.light,
    lightCounts: view.lightCounts,
    nodes: treeFor(ctx.actor, view, view.nodes),
  };
}

/** What the reader may do with the plan and each of its nodes, as one short string: the key of an answer. */
function abilitiesKey(ctx: ServiceContext, row: PlanWithVersion, view: PlanView): string {
  const bits = (abilities: Record<string, boolean>) =>
    Object.values(abilities)
      .map((b) => (b ? "1" : "0"))
      .join("");
  let key = bits(planAbilities(ctx.actor, row.plan));
  for (const rule of view.rules.values()) key += bits(taskAbilities(ctx.actor, rule));
  return key;
}

/** A plan with its whole tree, as the reader may act on it. */
export async function getPlanDetail(ctx: ServiceContext, id: string): Promise<PlanDetail> {
  const row = await readPlan(ctx, id);
  return detailOf(ctx, row, await viewOf(ctx, row));
}

/**
 * The plan page's answer as checked, serialized bytes, shared by every reader with the same abilities until the
 * data version or the day moves (the route's serializer would check and stringify the whole tree per request),
 * with the dates the tree treated as unknown, for the log.
 */
export async function getPlanDetailJson(
  ctx: ServiceContext,
  id: string,
): Promise<{ json: Buffer; unreadable: UnreadableDate[] }> {
  const row = await readPlan(ctx, id);
  const view = await viewOf(ctx, row);
  const key = abilitiesKey(ctx, row, view);
  let json = view.bodies.get(key);
  if (!json) {
    json = Buffer.from(JSON.stringify(planDetailSchema.parse(detailOf(ctx, row, view))));
    if (view.bodies.size < BODIES_KEPT) view.bodies.set(key, json);
  }
  return { json, unreadable: view.unreadable };
}
