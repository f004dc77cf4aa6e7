// Public face of the groups module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { resolveGroup } from "./group-rule.js";
export { findEnabledGroups, findMemberIds } from "./groups.repository.js";
