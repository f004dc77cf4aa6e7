// Public face of the reports module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { findLatestApprovedReport, type LatestApproved } from "./latest-approved.js";
export {
  findAssignmentReports,
  findNodeReports,
  getReport,
  getReportDetail,
  type ReportItems,
  toReport,
  toReports,
} from "./reports.service.js";
export { reviewReport } from "./review-report.js";
export { saveReport } from "./save-report.js";
