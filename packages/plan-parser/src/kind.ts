import type { PlanKind } from "./types.js";

/**
 * Tells a plan from an official explanation (解读) or a year-end summary (工作总结) by the title,
 * the notice title, or, for untitled text, the opening words; structure alone suggests a plan.
 */
export function detectKind(title: string, noticeTitle: string, opening: string, hasTasks: boolean): PlanKind {
  const named = `${title} ${noticeTitle}`;
  const head = title ? "" : opening.slice(0, 80);
  if (/解读/.test(named) || /^.{0,40}解读/.test(head)) return "explanation";
  if (/总结|述职/.test(named) || /^.{0,40}工作总结/.test(head)) return "summary";
  if (/要点|计划|安排|方案|任务|清单|意见|重点工作/.test(named)) return "plan";
  return hasTasks ? "plan" : "unknown";
}
