// Public face of the indicator-formulas module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { recomputeFormIndicators, recomputeOnFormDataChanged } from "./compute.js";
export { type ComputedFigure, computedIndicatorNow, computedStatusLabel } from "./computed-status.js";
export { type ComputedPoint, findPlanPoints } from "./indicator-formulas.repository.js";
