// Public face of the instructions module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export {
  acknowledgeInstruction,
  createInstruction,
  findEntityInstructions,
  findInstructionsToAcknowledge,
  findMyInstructions,
  getInstruction,
} from "./instructions.service.js";
