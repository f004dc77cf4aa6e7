// Public face of the notices module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { raiseAutoNotices } from "./auto-notices.js";
export { findNoticesWaitingFor } from "./notices.service.js";
