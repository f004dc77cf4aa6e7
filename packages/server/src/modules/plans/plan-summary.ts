import { type PlanSummary, planAbilities } from "@duban/domain";
import type { ServiceContext } from "../../http/context.js";
import type * as repo from "./plans.repository.js";

/** A plan row with its counts, as the list and the page read it. */
export type PlanWithCounts = NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>;

/** Builds the list shape of a plan. */
export function toPlanSummary(ctx: ServiceContext, row: PlanWithCounts): PlanSummary {
  const { plan } = row;
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    issuer: plan.issuer,
    docNumber: plan.docNumber,
    status: plan.status,
    livePastYear: plan.livePastYear,
    sectionCount: Number(row.sectionCount),
    taskCount: Number(row.taskCount),
    indicatorCount: Number(row.indicatorCount),
    milestoneCount: Number(row.milestoneCount),
    publishedAt: plan.publishedAt?.toISOString() ?? null,
    createdAt: plan.createdAt.toISOString(),
    abilities: planAbilities(ctx.actor, plan),
  };
}
