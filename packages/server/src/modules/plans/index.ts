// The plans module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { lightToday } from "./lights.js";
export { findNodeWithPlan, findPlan, updatePlanReporting } from "./plans.repository.js";
