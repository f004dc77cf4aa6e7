// Public face of the assignments module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export {
  type AssignmentDetail,
  findActiveAssignmentDetailsOfUnit,
  findAssignmentDetail,
  findAssignmentDetails,
  findEnabledUnits,
  updateAssignment,
} from "./assignments.repository.js";
export { getAssignment, getNode, toAssignment } from "./assignments.service.js";
