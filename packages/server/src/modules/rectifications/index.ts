// The rectifications module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { canSeeRectification } from "./rectifications.policy.js";
export { getRectification, insertRectificationIn } from "./rectifications.service.js";
