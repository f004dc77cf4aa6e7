// Public face of the snapshots module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export {
  findPlanTrend,
  loadPlanSnapshot,
  recordDemoHistory,
  recordPlanSnapshot,
  recordPlanSnapshots,
  takePlanSnapshot,
  trendPoint,
} from "./snapshots.service.js";
