// The groups module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { resolveGroup } from "./group-rule.js";
export { findEnabledGroups, findMemberIds } from "./groups.repository.js";
