// Public face of the decompose module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { insertPlanChange } from "./plan-changes.repository.js";
