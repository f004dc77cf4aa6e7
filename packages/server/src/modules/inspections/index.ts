// The inspections module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { canRectifyFindings, canSeeInspection } from "./inspections.policy.js";
export { findInspection, updateFindings } from "./inspections.repository.js";
export { findingsOf, getInspectionRow } from "./inspections.service.js";
