import type { HandDownTarget, PlanSnapshot } from "@duban/domain";
import type { ServiceContext } from "../../http/context.js";
import { findNodeWithPlan } from "../plans/index.js";
import { loadPlanSnapshot } from "../snapshots/index.js";
import { answering, type CountyState } from "./county-state.js";

/**
 * Reads counties' linked items as they stood on an earlier day: from the county plan's snapshot of that day (or
 * the latest before it), never recomputed from today's data. A snapshot holds each task's light and progress and
 * each indicator's value, so that is what is read (no report text: `summary` is null). One snapshot per county
 * plan however many of its items are read; only ever given a node reached through the link table.
 */
export class CountyStatesAsOf {
  private readonly snapshots = new Map<string, Promise<PlanSnapshot | null>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly day: string,
  ) {}

  /** The state of one county's linked node on the day; null when it had no snapshot holding the node. */
  async read(countyTenantId: string, nodeId: string, targets: HandDownTarget[]): Promise<CountyState | null> {
    const { db } = this.ctx.database;
    const found = await findNodeWithPlan(db, countyTenantId, nodeId);
    if (!found) return null;
    const key = `${countyTenantId}:${found.plan.id}`;
    if (!this.snapshots.has(key))
      this.snapshots.set(
        key,
        loadPlanSnapshot(db, { tenantId: countyTenantId, planId: found.plan.id, asOf: this.day }),
      );
    const snapshot = await this.snapshots.get(key)!;
    const task = snapshot?.tasks.find((t) => t.nodeId === nodeId);
    if (!snapshot || !task) return null;
    const own = snapshot.indicators.filter((i) => i.nodeId === nodeId);
    return {
      light: task.light,
      progress: task.progress,
      summary: null,
      values: targets.map((t, i) => answering(t, i, own)?.value ?? null),
    };
  }
}
