// Public face of the inspections module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { findInspection, updateFindings } from "./inspections.repository.js";
export { findingsOf, getInspectionRow } from "./inspections.service.js";
