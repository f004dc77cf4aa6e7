import type { HandDownTarget, Indicator, Light, PlanDetail, PlanTreeNode } from "@duban/domain";
import { AppError } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findNodeWithPlan, getPlanDetail } from "../plans/index.js";
import { findLatestApprovedReport } from "../reports/index.js";

/** What a county sends up about its linked item: approved state only, computed when the superior reads it. */
export interface CountyState {
  light: Light | null;
  progress: number;
  summary: { cycle: string; doneText: string; approvedAt: string | null } | null;
  values: (number | null)[];
}

/**
 * The context the superior's read runs in on a county's side: a reader of the county with no unit and no
 * account, so the county's own read rules (a leader's: every unit's approved figures) decide what it sees.
 * It is only ever given a node reached through the link table.
 */
function countyReader(ctx: ServiceContext, countyTenantId: string): ServiceContext {
  return {
    ...ctx,
    actor: {
      userId: "00000000-0000-0000-0000-000000000000",
      tenantId: countyTenantId,
      name: "上级教育局",
      login: "",
      roles: ["leader"],
      unitId: null,
      sessionId: "",
      csrfToken: "",
      mustChangePassword: false,
    },
  };
}

/** A node of a plan tree by id. */
export function findInTree(nodes: PlanTreeNode[], id: string): PlanTreeNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findInTree(n.children, id);
    if (inner) return inner;
  }
  return null;
}

/** The county's indicator answering a target: the one of the same name, else the one in its place with its unit. */
export function answering<T extends Pick<Indicator, "name" | "unit">>(
  target: HandDownTarget,
  index: number,
  own: T[],
): T | null {
  return own.find((i) => i.name === target.name) ?? (own[index]?.unit === target.unit ? own[index]! : null);
}

/** Reads counties' linked items, one plan tree per county plan however many items of it are read. */
export class CountyStates {
  private readonly plans = new Map<string, Promise<PlanDetail | null>>();

  constructor(private readonly ctx: ServiceContext) {}

  /** The state of one county's linked node; null when the node or its plan can no longer be read. */
  async read(countyTenantId: string, nodeId: string, targets: HandDownTarget[]): Promise<CountyState | null> {
    const reader = countyReader(this.ctx, countyTenantId);
    const found = await findNodeWithPlan(this.ctx.database.db, countyTenantId, nodeId);
    if (!found) return null;
    const key = `${countyTenantId}:${found.plan.id}`;
    if (!this.plans.has(key)) this.plans.set(key, getPlanDetail(reader, found.plan.id).catch(notFoundAsNull));
    const plan = await this.plans.get(key)!;
    const node = plan && findInTree(plan.nodes, nodeId);
    if (!node) return null;
    const summary = await findLatestApprovedReport(reader, nodeId);
    return {
      light: node.light,
      progress: node.progress,
      summary,
      values: targets.map((t, i) => answering(t, i, node.indicators)?.actual ?? null),
    };
  }
}

function notFoundAsNull(e: unknown): null {
  if (e instanceof AppError && e.code === "not_found") return null;
  throw e;
}
