import {
  type CascadeRollupCounty,
  canReadCascade,
  cascadeListAbilities,
  type HandDown,
  type HandDownCounty,
  type HandDownPage,
  type HandDownQuery,
  rollupCascade,
} from "@duban/domain";
import { AppError, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findPlan } from "../plans/index.js";
import * as repo from "./cascade.repository.js";
import { CountyStates } from "./county-state.js";
import { handDownKindOf } from "./hand-down-kind.js";
import { findLatestUpwardBriefs } from "./upward-briefs.js";

type HandDownRead = NonNullable<Awaited<ReturnType<typeof repo.findHandDown>>>;
type CountyLink = Awaited<ReturnType<typeof repo.findCountyLinks>>[number];

/** The superior's 督查室 and leaders read hand-downs and their roll-ups; anyone else is refused before any read. */
export function assertReadsCascade(ctx: ServiceContext): void {
  if (!canReadCascade(ctx.actor)) throw new AppError("forbidden", "只有督查室和局领导可以查看上下联动");
}

type Upward = Awaited<ReturnType<typeof findLatestUpwardBriefs>>;

/** A county's row: its link's state, what its linked item sends up once linked, and its latest upward report. */
async function countyRow(
  states: CountyStates,
  read: HandDownRead,
  c: CountyLink,
  upward: Upward,
): Promise<HandDownCounty> {
  const { link } = c;
  const state =
    link.status === "linked" && link.nodeId
      ? await states.read(link.tenantId, link.nodeId, read.handDown.targets)
      : null;
  return {
    tenant: c.tenant,
    status: link.status,
    returnReason: link.returnReason,
    linkedAt: link.linkedAt?.toISOString() ?? null,
    light: state?.light ?? null,
    progress: state?.progress ?? null,
    summary: state?.summary ?? null,
    values: state?.values ?? read.handDown.targets.map(() => null),
    upward: upward.get(link.id) ?? null,
    weight: read.handDown.countyWeights[link.tenantId] ?? 1,
  };
}

/** One hand-down as the API shows it, with every county's row and the roll-up over them. */
async function toHandDown(
  states: CountyStates,
  read: HandDownRead,
  links: CountyLink[],
  upward: Upward,
): Promise<HandDown> {
  const { handDown: h } = read;
  const counties = await Promise.all(links.map((c) => countyRow(states, read, c, upward)));
  const forRollup: CascadeRollupCounty[] = counties.map((c) => ({
    linked: c.status === "linked",
    light: c.light,
    progress: c.progress,
    reported: c.summary !== null,
    values: c.values,
    weight: c.weight,
  }));
  return {
    id: h.id,
    plan: read.plan,
    node: read.node,
    kind: handDownKindOf(h),
    title: h.title,
    text: h.text,
    dueDate: h.dueDate,
    targets: h.targets,
    createdAt: h.createdAt.toISOString(),
    version: h.version,
    counties,
    rollup: rollupCascade(h.targets, forRollup),
  };
}

/** Builds hand-downs with their counties, reading each county plan once for the whole answer. */
async function withCounties(ctx: ServiceContext, reads: HandDownRead[]): Promise<HandDown[]> {
  const ids = reads.map((r) => r.handDown.id);
  const [links, upward] = await Promise.all([
    repo.findCountyLinks(ctx.database.db, ctx.actor.tenantId, ids),
    findLatestUpwardBriefs(ctx, ids),
  ]);
  const states = new CountyStates(
    ctx,
    links.map((l) => l.link.tenantId),
  );
  return Promise.all(
    reads.map((r) =>
      toHandDown(
        states,
        r,
        links.filter((l) => l.link.handDownId === r.handDown.id),
        upward,
      ),
    ),
  );
}

/** One hand-down of the actor's bureau with its roll-up（汇总）, or 404. */
export async function getHandDown(ctx: ServiceContext, id: string): Promise<HandDown> {
  assertReadsCascade(ctx);
  const read = await repo.findHandDown(ctx.database.db, ctx.actor.tenantId, id);
  if (!read) throw notFound("下达任务");
  const [one] = await withCounties(ctx, [read]);
  return one!;
}

/** A page of a plan's hand-downs, each with its roll-up. */
export async function findHandDowns(ctx: ServiceContext, query: HandDownQuery): Promise<HandDownPage> {
  assertReadsCascade(ctx);
  if (!(await findPlan(ctx.database.db, ctx.actor.tenantId, query.planId))) throw notFound("计划");
  const { rows, total } = await repo.findHandDownsPage(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: await withCounties(ctx, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: cascadeListAbilities(ctx.actor),
  };
}
