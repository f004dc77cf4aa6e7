// Public face of the work module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { findMyWork, findUnitAssignments } from "./work.service.js";
