// The inspections module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { canSeeInspection } from "./inspections.policy.js";
