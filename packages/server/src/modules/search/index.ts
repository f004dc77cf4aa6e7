// Public face of the search module: the index is kept by database triggers, so other modules call nothing here.
export { snippetOf } from "./search.service.js";
