// Public face of the plans module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { addTask, type NewTask } from "./add-task.js";
export { lightToday } from "./lights.js";
export { getPlanDetail } from "./plan-page.js";
export {
  findIndicatorRules,
  findNodeIndicators,
  findNodeMeasures,
  findNodeWithPlan,
  findPlan,
  followedUpPlan,
  updatePlanReporting,
} from "./plans.repository.js";
