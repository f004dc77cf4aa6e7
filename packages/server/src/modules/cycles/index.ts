// Public face of the cycles module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { findCycle } from "./cycles.repository.js";
