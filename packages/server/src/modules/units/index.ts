// Public face of the units module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { findAllUnits, findUnit, findUnitNames, type UnitRow } from "./units.repository.js";
