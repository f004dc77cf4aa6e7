// Public face of the unit-keywords module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { countyBureauKeywords } from "./county-keywords.js";
export { findKeywords } from "./unit-keywords.repository.js";
