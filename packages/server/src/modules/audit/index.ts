// Public face of the audit module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { insertAudit, likePattern } from "./audit.repository.js";
export { changeSummary } from "./audit-summary.js";
export { audit } from "./record-audit.js";
