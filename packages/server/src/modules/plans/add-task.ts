import { type HandDownTarget, planDateEnd } from "@duban/domain";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { planNodes } from "../../db/schema.js";
import { insertNodeItems, insertPlanNode } from "./plans.repository.js";
import { defaultAggregation } from "./publish-plan.js";

/** A task to add at the end of a section (or of the plan's top level) of a published plan. */
export interface NewTask {
  tenantId: string;
  plan: { id: string; year: number };
  parentId: string | null;
  title: string;
  text: string;
  dueDate: string | null;
  targets: HandDownTarget[];
}

/**
 * Adds a task to a published plan after its siblings, with its indicators, as a superior's hand-down created it
 * (上级下达): its window is the plan year up to the hand-down's due date. Returns the new node's id.
 */
export async function addTask(tx: DbOrTx, task: NewTask): Promise<string> {
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${planNodes.position}), -1)::int` })
    .from(planNodes)
    .where(
      and(
        eq(planNodes.tenantId, task.tenantId),
        eq(planNodes.planId, task.plan.id),
        task.parentId ? eq(planNodes.parentId, task.parentId) : sql`${planNodes.parentId} is null`,
      ),
    );
  const year = String(task.plan.year);
  const nodeId = await insertPlanNode(tx, {
    tenantId: task.tenantId,
    planId: task.plan.id,
    parentId: task.parentId,
    level: "task",
    label: null,
    number: null,
    title: task.title,
    text: task.text,
    position: (last?.position ?? -1) + 1,
    deadline: task.dueDate,
    startDate: `${year}-01-01`,
    dueDate: planDateEnd(task.dueDate ?? year),
  });
  await insertNodeItems(tx, {
    measures: [],
    indicators: task.targets.map((t, i) => ({
      tenantId: task.tenantId,
      planId: task.plan.id,
      nodeId,
      position: i,
      name: t.name,
      comparator: t.comparator,
      targetValue: t.value,
      targetMax: t.valueMax,
      unit: t.unit,
      deadline: t.deadline ?? task.dueDate ?? year,
      hedge: null,
      // Schools' values add up as a parsed plan's would: percentages averaged, counts summed.
      aggregation: defaultAggregation(t.unit),
      sourceText: null,
    })),
    milestones: [],
  });
  return nodeId;
}
