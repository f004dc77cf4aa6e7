import {
  countLight,
  emptyLightTally,
  type PlanSnapshot,
  type PublicPlan,
  type PublicTask,
} from "@duban/domain";

/** The flags the 督查室 set on a plan's nodes and indicators. */
export interface PublicFlags {
  nodes: { id: string; parentId: string | null; public: boolean }[];
  indicators: { id: string; public: boolean }[];
}

/**
 * The public page of a plan from one snapshot: only tasks marked public or under a section marked public, only
 * their indicators marked public, and figures that name no person, file or report text (a snapshot holds none
 * of those; units are left out too). The summary counts the public tasks alone, so hidden ones leak nothing.
 */
export function buildPublicPlan(
  snapshot: PlanSnapshot,
  flags: PublicFlags,
  meta: { bureau: string; plan: PublicPlan["plan"] },
): PublicPlan {
  const parentOf = new Map(flags.nodes.map((n) => [n.id, n.parentId]));
  const marked = new Set(flags.nodes.filter((n) => n.public).map((n) => n.id));
  const shown = (nodeId: string): boolean => {
    for (let id: string | null | undefined = nodeId; id; id = parentOf.get(id))
      if (marked.has(id)) return true;
    return false;
  };
  const publicIndicators = new Set(flags.indicators.filter((i) => i.public).map((i) => i.id));
  const sections: PublicPlan["sections"] = [];
  const tally = emptyLightTally();
  let weighted = 0;
  let weights = 0;
  let expected = 0;
  let count = 0;
  for (const task of snapshot.tasks) {
    if (!shown(task.nodeId)) continue;
    let section = sections.find((s) => s.id === task.sectionId);
    if (!section) {
      section = { id: task.sectionId, title: task.sectionTitle, tasks: [] };
      sections.push(section);
    }
    section.tasks.push(publicTask(task, snapshot, publicIndicators));
    countLight(tally, task.light);
    // Progress weighs each task as the plan does; 序时进度 is the plain mean, as in the snapshot's totals.
    weighted += task.progress * task.weight;
    weights += task.weight;
    expected += task.expectedProgress;
    count += 1;
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  const progress = weights === 0 ? 0 : round(weighted / weights);
  return {
    bureau: meta.bureau,
    plan: meta.plan,
    asOf: snapshot.day,
    summary: {
      taskCount: count,
      tasks: tally,
      progress,
      expectedProgress: count === 0 ? 0 : round(expected / count),
    },
    sections,
  };
}

/** One task as the public sees it, field by field. */
function publicTask(
  task: PlanSnapshot["tasks"][number],
  snapshot: PlanSnapshot,
  publicIndicators: ReadonlySet<string>,
): PublicTask {
  return {
    id: task.nodeId,
    code: task.code,
    title: task.title,
    status: task.status,
    light: task.light,
    progress: task.progress,
    expectedProgress: task.expectedProgress,
    dueDate: task.dueDate,
    indicators: snapshot.indicators
      .filter((i) => i.nodeId === task.nodeId && publicIndicators.has(i.indicatorId))
      .map((i) => ({
        id: i.indicatorId,
        name: i.name,
        comparator: i.comparator,
        target: i.target,
        targetMax: i.targetMax,
        unit: i.unit,
        aggregation: i.aggregation,
        value: i.value,
        status: i.status,
        reported: i.reported,
        expected: i.expected,
      })),
  };
}
