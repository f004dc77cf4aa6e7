import type { Light, NoticeLevel } from "@duban/domain";
import { planFiltersToSearch } from "../plans/plan-filters";

/** What a cockpit figure narrows the plan's task list to. */
export interface TaskListFilter {
  light?: Light;
  sectionId?: string;
  leadUnitId?: string;
  overdue?: boolean;
}

function withQuery(path: string, params: URLSearchParams): string {
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The plan page's task list narrowed to a light, a section, a lead department or the overdue tasks. */
export function taskListLink(planId: string, filter: TaskListFilter = {}): string {
  return withQuery(`/plans/${planId}`, planFiltersToSearch({ q: "", leadUnitId: undefined, ...filter }));
}

/** A task's page. */
export function taskLink(planId: string, nodeId: string): string {
  return `/plans/${planId}/tasks/${nodeId}`;
}

/** A unit's work page (its assignments on every plan). */
export function unitWorkLink(unitId: string): string {
  return `/units/${unitId}/work`;
}

/** One assignment: its task page, opened at the unit's reports. */
export function assignmentLink(assignmentId: string): string {
  return `/assignments/${assignmentId}`;
}

/** The 督办台账 narrowed to the plan's 督办单 of one level still awaiting a reply or a decision. */
export function noticesLink(planId: string, level?: NoticeLevel): string {
  const params = new URLSearchParams({ planId });
  if (level) params.set("level", level);
  return withQuery("/notices", params);
}

/** The 整改台账 narrowed to items past their deadline. */
export function overdueRectificationsLink(): string {
  return "/rectifications?overdue=true";
}

/** 我的批示: the leader's 批示 with who has acknowledged them. */
export const instructionsLink = "/instructions/mine";

/** The cockpit of a plan as of a day (today when left out). */
export function cockpitLink(planId: string, asOf?: string): string {
  return withQuery(`/plans/${planId}/cockpit`, new URLSearchParams(asOf ? { asOf } : {}));
}
