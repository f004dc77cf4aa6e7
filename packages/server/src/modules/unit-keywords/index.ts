// The unit-keywords module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { findKeywords } from "./unit-keywords.repository.js";
