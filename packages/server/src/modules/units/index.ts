// The units module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { findAllUnits, findUnit, type UnitRow } from "./units.repository.js";
