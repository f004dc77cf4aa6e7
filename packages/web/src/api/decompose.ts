import type {
  CloseDecisionInput,
  CloseRequestBody,
  Closure,
  CreatedId,
  IndicatorEditInput,
  MeasureCreateInput,
  MilestoneCreateInput,
  NodeUpdateInput,
  PlanChange,
} from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { fetchAllItems } from "./paging";

export type { Closure, IndicatorEditInput, NodeUpdateInput, PlanChange };

/** Root query key of change records and close-out requests. */
export const decomposeKey = ["decompose"] as const;

/** The change records of a plan, as the server orders them. */
export function usePlanChanges(planId: string, enabled = true) {
  return useQuery({
    queryKey: [...decomposeKey, "changes", planId],
    queryFn: ({ signal }) => fetchAllItems<PlanChange>(`/plans/${planId}/changes`, { signal }),
    enabled,
  });
}

/** The close-out requests of a task, newest first. */
export function useClosures(nodeId: string) {
  return useQuery({
    queryKey: [...decomposeKey, "closures", nodeId],
    queryFn: ({ signal }) => fetchAllItems<Closure>(`/nodes/${nodeId}/closures`, { signal }),
  });
}

/** Edits a task's title, dates, weight or lead unit with a reason. */
export function updateNode(nodeId: string, input: NodeUpdateInput): Promise<void> {
  return apiRequest<void>(`/nodes/${nodeId}`, { method: "PUT", body: input });
}

/** Adds a measure to a task. */
export function addMeasure(nodeId: string, input: MeasureCreateInput): Promise<CreatedId> {
  return apiRequest(`/nodes/${nodeId}/measures`, { method: "POST", body: input });
}

/** Adds an indicator to a task. */
export function addIndicator(nodeId: string, input: IndicatorEditInput): Promise<CreatedId> {
  return apiRequest(`/nodes/${nodeId}/indicators`, { method: "POST", body: input });
}

/** Edits an indicator's target, unit, deadline or aggregation. */
export function updateIndicator(id: string, input: IndicatorEditInput): Promise<void> {
  return apiRequest<void>(`/indicators/${id}`, { method: "PUT", body: input });
}

/** Adds a milestone（节点）to a task. */
export function addMilestone(nodeId: string, input: MilestoneCreateInput): Promise<CreatedId> {
  return apiRequest(`/nodes/${nodeId}/milestones`, { method: "POST", body: input });
}

/** 申请办结 with a summary and final evidence. */
export function requestClose(nodeId: string, input: CloseRequestBody): Promise<void> {
  return apiRequest<void>(`/nodes/${nodeId}/close-request`, { method: "POST", body: input });
}

/** 销号 (confirm) or 退回 (return with a reason) a close-out request. */
export function decideClose(nodeId: string, input: CloseDecisionInput): Promise<void> {
  return apiRequest<void>(`/nodes/${nodeId}/close-decision`, { method: "POST", body: input });
}
