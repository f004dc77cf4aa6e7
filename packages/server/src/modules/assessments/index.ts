// Public face of the assessments module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { gatherAssessmentFacts } from "./gather-facts.js";
export { findAssessmentResultRows, getRunRow } from "./runs.service.js";
export { planScheme } from "./scheme.service.js";
