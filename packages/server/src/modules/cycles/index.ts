// Public face of the cycles module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { type CycleOpenedHook, onCycleOpened } from "./cycle-opened-hook.js";
export { type CycleRow, findCycle } from "./cycles.repository.js";
