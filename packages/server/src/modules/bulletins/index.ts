// Public face of the bulletins module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { createBulletin, getBulletin } from "./bulletins.service.js";
export { issueBulletin } from "./issue-bulletin.js";
