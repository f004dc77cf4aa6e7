// The auth module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { clearFailures, findLocks } from "./login-failures.repository.js";
export { hashPassword } from "./passwords.js";
export { sessionStore } from "./session-store.js";
export { deleteUserSessions } from "./sessions.repository.js";
