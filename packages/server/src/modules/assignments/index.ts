// The assignments module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { canAssign, canReview, canSeeAssignment, isOwnUnit } from "./assignments.policy.js";
export {
  type AssignmentDetail,
  findAssignmentDetail,
  findAssignmentDetails,
  findEnabledUnits,
  updateAssignment,
} from "./assignments.repository.js";
export { getAssignment, getNode, recordApprovedProgress, toAssignment } from "./assignments.service.js";
