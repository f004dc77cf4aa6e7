import type {
  CascadeLinkBody,
  CascadeReturnInput,
  HandDown,
  HandDownCreateBody,
  HandDownPage,
  HandDownWeightsInput,
  NodeRequirementPage,
  ReceivedHandDown,
  ReceivedHandDownPage,
  SubordinatePage,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { Paging } from "./paging";

/** Root query key of 上下联动. */
export const cascadeKey = ["cascade"] as const;

/** The bureaus directly below the user's (asked only when `enabled`). */
export function useSubordinates(enabled = true) {
  return useQuery({
    queryKey: [...cascadeKey, "subordinates"],
    queryFn: ({ signal }) =>
      apiRequest<SubordinatePage>("/cascade/subordinates", { query: { pageSize: 200 }, signal }),
    enabled,
  });
}

/** A page of a plan's hand-downs with their roll-ups. */
export function useHandDowns(planId: string | undefined, paging: Paging) {
  return useQuery({
    queryKey: [...cascadeKey, "hand-downs", planId, paging],
    queryFn: ({ signal }) =>
      apiRequest<HandDownPage>("/hand-downs", { query: { planId, ...paging }, signal }),
    enabled: !!planId,
    placeholderData: keepPreviousData,
  });
}

/** A page of the bureau's inbox. */
export function useInbox(paging: Paging) {
  return useQuery({
    queryKey: [...cascadeKey, "inbox", paging],
    queryFn: ({ signal }) =>
      apiRequest<ReceivedHandDownPage>("/cascade/inbox", { query: { ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One hand-down of the bureau's inbox, when one is asked for (a link from 我的工作 or a notification). */
export function useReceived(id: string | null) {
  return useQuery({
    queryKey: [...cascadeKey, "inbox", "one", id],
    queryFn: ({ signal }) => apiRequest<ReceivedHandDown>(`/cascade/inbox/${id}`, { signal }),
    enabled: !!id,
  });
}

/** The superiors' requirements linked to a node of the bureau's plan. */
export function useNodeRequirements(nodeId: string) {
  return useQuery({
    queryKey: [...cascadeKey, "requirements", nodeId],
    queryFn: ({ signal }) =>
      apiRequest<NodeRequirementPage>(`/nodes/${nodeId}/requirements`, { query: { pageSize: 200 }, signal }),
  });
}

/** 下达: hands a task down to subordinate bureaus. */
export function handDown(nodeId: string, body: HandDownCreateBody): Promise<HandDown> {
  return apiRequest<HandDown>(`/nodes/${nodeId}/hand-downs`, { method: "POST", body });
}

/** 汇总权重: sets counties' weights in a hand-down's roll-up. */
export function setCountyWeights(id: string, body: HandDownWeightsInput): Promise<HandDown> {
  return apiRequest<HandDown>(`/hand-downs/${id}/weights`, { method: "PUT", body });
}

/** 关联: links a received hand-down to an own task, or creates one from it. */
export function linkReceived(id: string, body: CascadeLinkBody): Promise<ReceivedHandDown> {
  return apiRequest<ReceivedHandDown>(`/cascade/inbox/${id}/link`, { method: "POST", body });
}

/** 退回 a received hand-down with a reason. */
export function returnReceived(id: string, body: CascadeReturnInput): Promise<ReceivedHandDown> {
  return apiRequest<ReceivedHandDown>(`/cascade/inbox/${id}/return`, { method: "POST", body });
}
