// The audit module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.

export { insertAudit, likePattern } from "./audit.repository.js";
export { changeSummary } from "./audit-summary.js";
export { audit } from "./record-audit.js";
