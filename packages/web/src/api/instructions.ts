import type {
  Instruction,
  InstructionCreateInput,
  InstructionEntity,
  MyInstructionPage,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { fetchAllItems, type Paging } from "./paging";

export type { InstructionEntity };

/** Root query key of 领导批示. */
export const instructionsKey = ["instructions"] as const;

/** The instructions written on one item. */
export function useEntityInstructions(entity: InstructionEntity, entityId: string) {
  return useQuery({
    queryKey: [...instructionsKey, "entity", entity, entityId],
    queryFn: ({ signal }) =>
      fetchAllItems<Instruction>("/instructions", { query: { entity, entityId }, signal }),
  });
}

/** One page of the leader's own instructions. */
export function useMyInstructions(paging: Paging) {
  return useQuery({
    queryKey: [...instructionsKey, "mine", paging],
    queryFn: ({ signal }) =>
      apiRequest<MyInstructionPage>("/instructions/mine", { query: { ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Writes an instruction on an item. */
export function createInstruction(input: InstructionCreateInput): Promise<Instruction> {
  return apiRequest<Instruction>("/instructions", { method: "POST", body: input });
}

/** The responsible unit's 签收. */
export function acknowledgeInstruction(id: string): Promise<Instruction> {
  return apiRequest<Instruction>(`/instructions/${id}/acknowledge`, { method: "POST" });
}
