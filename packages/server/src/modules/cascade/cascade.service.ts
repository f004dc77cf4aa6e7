import {
  cascadeLinkAbilities,
  cascadeListAbilities,
  type InboxQuery,
  type NodeRequirementPage,
  type PageQuery,
  pageFrom,
  type ReceivedHandDown,
  type ReceivedHandDownPage,
  type SubordinatePage,
} from "@duban/domain";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findNodeWithPlan } from "../plans/index.js";
import * as repo from "./cascade.repository.js";
import { handDownKindOf } from "./hand-down-kind.js";
import { assertReadsCascade } from "./rollup.service.js";

/** A received hand-down as the API shows it: the superior's item, never anything else of the superior's. */
export function toReceived(ctx: ServiceContext, row: repo.ReceivedRow): ReceivedHandDown {
  const { link, handDown: h } = row;
  const own = row.ownNode;
  return {
    id: link.id,
    from: row.from,
    superiorNode: row.superiorNode,
    kind: handDownKindOf(h),
    title: h.title,
    text: h.text,
    dueDate: h.dueDate,
    targets: h.targets,
    status: link.status,
    returnReason: link.returnReason,
    linkedNode: own?.id ? { id: own.id, planId: own.planId, label: own.label, title: own.title } : null,
    handedAt: link.createdAt.toISOString(),
    version: link.version,
    abilities: cascadeLinkAbilities(ctx.actor, link),
  };
}

/** The bureaus directly below the actor's, for choosing whom to hand an item down to. */
export async function findSubordinateBureaus(
  ctx: ServiceContext,
  query: PageQuery,
): Promise<SubordinatePage> {
  assertReadsCascade(ctx);
  const items = await repo.findSubordinates(ctx.database.db, ctx.actor.tenantId);
  return pageFrom(items, query, cascadeListAbilities(ctx.actor));
}

/** A page of the actor's bureau's inbox: what superiors handed down to it. */
export async function findInbox(ctx: ServiceContext, query: InboxQuery): Promise<ReceivedHandDownPage> {
  assertReadsCascade(ctx);
  const { rows, total } = await repo.findInboxPage(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: rows.map((r) => toReceived(ctx, r)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: {},
  };
}

/** One received hand-down of the actor's bureau, or 404 (another bureau's is never found). */
export async function getReceivedRow(ctx: ServiceContext, id: string): Promise<repo.ReceivedRow> {
  assertReadsCascade(ctx);
  const row = await repo.findReceived(ctx.database.db, ctx.actor.tenantId, id);
  if (!row) throw notFound("下达任务");
  return row;
}

/** One received hand-down as the API shows it. */
export async function getReceived(ctx: ServiceContext, id: string): Promise<ReceivedHandDown> {
  return toReceived(ctx, await getReceivedRow(ctx, id));
}

/**
 * The superiors' requirements on an own node: the text, targets and due date of every hand-down linked to it,
 * shown with the node to whoever may read the plan.
 */
export async function findNodeRequirements(
  ctx: ServiceContext,
  nodeId: string,
  query: PageQuery,
): Promise<NodeRequirementPage> {
  const { db } = ctx.database;
  if (!(await findNodeWithPlan(db, ctx.actor.tenantId, nodeId))) throw notFound("任务");
  const rows = await repo.findNodeReceived(db, ctx.actor.tenantId, nodeId);
  return pageFrom(
    rows.map((r) => toReceived(ctx, r)),
    query,
    {},
  );
}
