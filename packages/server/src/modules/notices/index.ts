// The notices module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { raiseAutoNotices } from "./auto-notices.js";
export { canSeeNotice } from "./notices.policy.js";
