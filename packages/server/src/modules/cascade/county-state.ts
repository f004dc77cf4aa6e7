import {
  type HandDownTarget,
  type Indicator,
  type Light,
  type PlanDetail,
  type PlanTreeNode,
  shanghaiDate,
} from "@duban/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findNodeWithPlan, getPlanDetail } from "../plans/index.js";
import { findLatestApprovedReport } from "../reports/index.js";
import { findDataVersions } from "./tenants.repository.js";

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

/** What a county's linked node sends up, before it is matched to a hand-down's targets. */
interface NodeState {
  light: Light | null;
  progress: number;
  summary: CountyState["summary"];
  indicators: Indicator[];
}

/**
 * Counties' node states kept by this process, each with the county's data version it was read at: a committed
 * write by any process to a table the county's plan page is computed from moves the version (the triggers of
 * the `data_version` migrations), and the day is in the key, so a kept state is exactly what a fresh read would
 * give. A city's roll-up read by many costs its own rows and one read of its counties' versions.
 */
type Kept = Map<string, { version: string; state: Promise<NodeState | null> }>;
const keptByDatabase = new WeakMap<Database, Kept>();
const KEPT = 4096;

function keptOf(database: Database): Kept {
  const kept = keptByDatabase.get(database) ?? new Map();
  keptByDatabase.set(database, kept);
  return kept;
}

/**
 * Reads counties' linked items, one plan tree per county plan however many items of it are read, and keeps
 * each item's state while the county's data version and the day stand still.
 */
export class CountyStates {
  private readonly plans = new Map<string, Promise<PlanDetail | null>>();
  private versions: Promise<Map<string, string>> | null = null;

  /** `counties`: every county the caller may read, whose data versions are read together at the first read. */
  constructor(
    private readonly ctx: ServiceContext,
    private readonly counties: string[],
  ) {}

  /** The state of one county's linked node; null when the node or its plan can no longer be read. */
  async read(countyTenantId: string, nodeId: string, targets: HandDownTarget[]): Promise<CountyState | null> {
    this.versions ??= findDataVersions(this.ctx.database.db, [...new Set(this.counties)]);
    const version = (await this.versions).get(countyTenantId) ?? "0";
    const key = [countyTenantId, nodeId, shanghaiDate(this.ctx.clock.now())].join("|");
    const kept = keptOf(this.ctx.database);
    let entry = kept.get(key);
    if (entry?.version !== version) {
      const state = this.readNode(countyTenantId, nodeId);
      // A reader that read an older version than the one kept (it lost a race) is answered, not kept.
      if (!entry || BigInt(entry.version) < BigInt(version)) {
        entry = { version, state };
        kept.delete(key);
        kept.set(key, entry);
        if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
        // A failed read is not kept: the next reader tries again.
        state.catch(() => {
          if (kept.get(key)?.state === state) kept.delete(key);
        });
      } else entry = { version, state };
    }
    const node = await entry.state;
    if (!node) return null;
    return {
      light: node.light,
      progress: node.progress,
      summary: node.summary,
      values: targets.map((t, i) => answering(t, i, node.indicators)?.actual ?? null),
    };
  }

  private async readNode(countyTenantId: string, nodeId: string): Promise<NodeState | null> {
    const reader = countyReader(this.ctx, countyTenantId);
    const found = await findNodeWithPlan(this.ctx.database.db, countyTenantId, nodeId);
    if (!found) return null;
    const key = `${countyTenantId}:${found.plan.id}`;
    if (!this.plans.has(key)) this.plans.set(key, getPlanDetail(reader, found.plan.id).catch(notFoundAsNull));
    const plan = await this.plans.get(key)!;
    const node = plan && findInTree(plan.nodes, nodeId);
    if (!node) return null;
    const summary = await findLatestApprovedReport(reader, nodeId);
    return { light: node.light, progress: node.progress, summary, indicators: node.indicators };
  }
}

function notFoundAsNull(e: unknown): null {
  if (e instanceof AppError && e.code === "not_found") return null;
  throw e;
}
