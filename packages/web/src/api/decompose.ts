import type { Aggregation, Comparator } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { FileRef } from "./execution";

/** Root query key of change records and close-out requests. */
export const decomposeKey = ["decompose"] as const;

/** One versioned change to a published plan（变更记录）. */
export interface PlanChange {
  id: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  actorName: string | null;
  at: string;
}

/** A close-out request（申请办结）and the supervisor's decision on it. */
export interface Closure {
  id: string;
  status: "requested" | "confirmed" | "returned";
  summary: string;
  files: FileRef[];
  requestedBy: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** Fields of a task that may change after publishing. */
export interface NodeUpdateInput {
  title?: string;
  startDate?: string | null;
  dueDate?: string | null;
  weight?: number;
  leadUnitId?: string | null;
  reason: string;
  version: number;
}

/** An indicator as added or edited after publishing. */
export interface IndicatorEditInput {
  name: string;
  comparator: Comparator;
  targetValue: number;
  targetMax: number | null;
  unit: string;
  deadline: string | null;
  aggregation: Aggregation;
  reason: string;
}

/** The change records of a plan, as the server orders them. */
export function usePlanChanges(planId: string, enabled = true) {
  return useQuery({
    queryKey: [...decomposeKey, "changes", planId],
    queryFn: ({ signal }) => apiRequest<PlanChange[]>(`/plans/${planId}/changes`, { signal }),
    enabled,
  });
}

/** The close-out requests of a task, newest first. */
export function useClosures(nodeId: string) {
  return useQuery({
    queryKey: [...decomposeKey, "closures", nodeId],
    queryFn: ({ signal }) => apiRequest<Closure[]>(`/nodes/${nodeId}/closures`, { signal }),
  });
}

/** Edits a task's title, dates, weight or lead unit with a reason. */
export function updateNode(nodeId: string, input: NodeUpdateInput): Promise<void> {
  return apiRequest<void>(`/nodes/${nodeId}`, { method: "PUT", body: input });
}

/** Adds a measure to a task. */
export function addMeasure(nodeId: string, input: { text: string; reason: string }): Promise<{ id: string }> {
  return apiRequest(`/nodes/${nodeId}/measures`, { method: "POST", body: input });
}

/** Adds an indicator to a task. */
export function addIndicator(nodeId: string, input: IndicatorEditInput): Promise<{ id: string }> {
  return apiRequest(`/nodes/${nodeId}/indicators`, { method: "POST", body: input });
}

/** Edits an indicator's target, unit, deadline or aggregation. */
export function updateIndicator(id: string, input: IndicatorEditInput): Promise<void> {
  return apiRequest<void>(`/indicators/${id}`, { method: "PUT", body: input });
}

/** Adds a milestone（节点）to a task. */
export function addMilestone(
  nodeId: string,
  input: { title: string; deadline: string | null; reason: string },
): Promise<{ id: string }> {
  return apiRequest(`/nodes/${nodeId}/milestones`, { method: "POST", body: input });
}

/** 申请办结 with a summary and final evidence. */
export function requestClose(
  nodeId: string,
  input: { summary: string; fileIds: string[]; version: number },
): Promise<void> {
  return apiRequest<void>(`/nodes/${nodeId}/close-request`, { method: "POST", body: input });
}

/** 销号 (confirm) or 退回 (return with a reason) a close-out request. */
export function decideClose(
  nodeId: string,
  input: { decision: "confirm" | "return"; reason?: string; version: number },
): Promise<void> {
  return apiRequest<void>(`/nodes/${nodeId}/close-decision`, { method: "POST", body: input });
}
