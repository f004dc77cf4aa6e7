import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** Where a 领导批示 stands: waiting for the unit's 签收, or acknowledged. */
export const instructionStatuses = ["pending", "acknowledged"] as const;
/** An instruction's state. */
export type InstructionStatus = (typeof instructionStatuses)[number];
/** The Chinese names of the states, as the API and the pages show them. */
export const instructionStatusLabels = {
  pending: "待签收",
  acknowledged: "已签收",
} as const satisfies Record<InstructionStatus, string>;

/** What moves an instruction: the responsible unit's 签收. */
export const instructionActions = ["acknowledge"] as const;
/** An instruction action. */
export type InstructionAction = (typeof instructionActions)[number];

/** An instruction is acknowledged once. */
export const instructionTransitions = {
  pending: { acknowledge: "acknowledged" },
  acknowledged: {},
} as const satisfies Record<InstructionStatus, Partial<Record<InstructionAction, InstructionStatus>>>;

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextInstructionStatus(
  status: InstructionStatus,
  action: InstructionAction,
): InstructionStatus | null {
  const moves: Partial<Record<InstructionAction, InstructionStatus>> = instructionTransitions[status];
  return moves[action] ?? null;
}

/** An instruction's state from its stored 签收 time. */
export function instructionStatusOf(instruction: { acknowledgedAt: unknown }): InstructionStatus {
  return instruction.acknowledgedAt ? "acknowledged" : "pending";
}

/** What the actor may do with one instruction: acknowledge it as the responsible unit. */
export const instructionAbilitiesSchema = z.object({ acknowledge: z.boolean() });
/** What the actor may do with one instruction. */
export type InstructionAbilities = z.infer<typeof instructionAbilitiesSchema>;

/** What the instructions offer the actor: write one (and follow one's own). */
export const instructionListAbilitiesSchema = z.object({ create: z.boolean() });
/** What the instructions offer the actor. */
export type InstructionListAbilities = z.infer<typeof instructionListAbilitiesSchema>;

/** Bureau roles read every instruction; a school or inspector only those addressed to its unit. */
export function seesAllInstructions(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department");
}

/** Whether the actor belongs to the unit the instruction is addressed to. */
export function isInstructionAddressee(actor: PolicyActor, instruction: { unitId: string }): boolean {
  return !!actor.unitId && actor.unitId === instruction.unitId;
}

/** Whether the actor may see one instruction. */
export function canSeeInstruction(actor: PolicyActor, instruction: { unitId: string }): boolean {
  return seesAllInstructions(actor) || isInstructionAddressee(actor, instruction);
}

/** Leaders write instructions and follow their own. */
export function canWriteInstructions(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "leader");
}

/** Leaders write instructions. */
export function instructionListAbilities(actor: PolicyActor): InstructionListAbilities {
  return { create: canWriteInstructions(actor) };
}

/** Who may act on the instruction whatever its state: its unit acknowledges (403 otherwise; 409 once done). */
export function instructionPermissions(
  actor: PolicyActor,
  instruction: { unitId: string },
): InstructionAbilities {
  return { acknowledge: isInstructionAddressee(actor, instruction) };
}

/** What the actor may do with the instruction now: permitted, and not yet acknowledged. */
export function instructionAbilities(
  actor: PolicyActor,
  instruction: { unitId: string; status: InstructionStatus },
): InstructionAbilities {
  const may = instructionPermissions(actor, instruction);
  return {
    acknowledge: may.acknowledge && nextInstructionStatus(instruction.status, "acknowledge") !== null,
  };
}
