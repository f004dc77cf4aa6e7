// The decompose module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { insertPlanChange } from "./plan-changes.repository.js";
