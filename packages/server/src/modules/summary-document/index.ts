// Public face of the summary-document module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { annualSummaryDocument } from "./summary-document.service.js";
