// Public face of the ledger module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { getCycleFiling, urgeCycle } from "./filing.service.js";
export { exportLedger } from "./ledger.service.js";
