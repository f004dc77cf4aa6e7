// Public face of the assessment-documents module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { assessmentNoticeDocument, exportAssessmentResults } from "./assessment-documents.service.js";
