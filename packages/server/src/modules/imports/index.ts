// Public face of the imports module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { ImportProblems } from "./import-problems.js";
export { registerExcelImport } from "./import-routes.js";
export { codeOfLabel, issueReasons, labelList } from "./labels.js";
export { readSheet, type SheetRow } from "./xlsx-reader.js";
export { buildTemplate, sendXlsx, type TemplateColumn, XLSX_TYPE } from "./xlsx-template.js";
