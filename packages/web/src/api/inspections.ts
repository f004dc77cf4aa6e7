import type {
  FindingRectifyInput,
  Inspection,
  InspectionCreateInput,
  InspectionPage,
  Rectification,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { Paging } from "./paging";

/** Root query key of 督导检查 visits. */
export const inspectionsKey = ["inspections"] as const;

/** One page of visits the user may see. */
export function useInspections(unitId: string | undefined, paging: Paging) {
  return useQuery({
    queryKey: [...inspectionsKey, "list", unitId ?? null, paging],
    queryFn: ({ signal }) =>
      apiRequest<InspectionPage>("/inspections", { query: { unitId, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Records a visit and its findings. */
export function createInspection(input: InspectionCreateInput): Promise<Inspection> {
  return apiRequest<Inspection>("/inspections", { method: "POST", body: input });
}

/** Turns one finding into a 整改 item. */
export function rectifyFinding(
  options: { id: string; index: number } & { input: FindingRectifyInput },
): Promise<Rectification> {
  return apiRequest<Rectification>(`/inspections/${options.id}/findings/${options.index}/rectify`, {
    method: "POST",
    body: options.input,
  });
}
