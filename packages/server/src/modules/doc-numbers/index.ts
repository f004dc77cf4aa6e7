// Public face of the doc-numbers module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { type DocumentNumber, findDocumentIssuer, nextDocumentNumber } from "./doc-numbers.service.js";
