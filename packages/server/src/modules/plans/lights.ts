import { knownPlanDate, type Light, lightOf, shanghaiDate } from "@duban/domain";

/** The working window and state a light is computed from. */
export interface LightSubject {
  startDate: string | null;
  dueDate: string | null;
  progress: number;
  done: boolean;
}

/**
 * The light of a task or assignment today. Without dates the plan year is the window: a 工作要点 is annual. A
 * stored date that is no date counts as none, so a bad row cannot stop a page from being read.
 */
export function lightToday(
  subject: LightSubject,
  plan: { year: number; lightTolerance: number },
  now: Date,
): Light {
  return lightOf({
    start: knownPlanDate(subject.startDate) ?? `${plan.year}-01-01`,
    due: knownPlanDate(subject.dueDate) ?? `${plan.year}-12-31`,
    today: shanghaiDate(now),
    progress: Math.min(100, Math.max(0, subject.progress)),
    done: subject.done,
    tolerance: plan.lightTolerance,
  });
}
