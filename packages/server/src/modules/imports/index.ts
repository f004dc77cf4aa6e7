// The imports module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { ImportProblems } from "./import-problems.js";
export { registerExcelImport } from "./import-routes.js";
export { codeOfLabel, issueReasons, labelList } from "./labels.js";
export { readSheet, type SheetRow } from "./xlsx-reader.js";
export { buildTemplate, sendXlsx, type TemplateColumn } from "./xlsx-template.js";
