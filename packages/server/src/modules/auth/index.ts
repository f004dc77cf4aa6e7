// Public face of the auth module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { clearFailures, findLocks } from "./login-failures.repository.js";
export { hashPassword } from "./passwords.js";
export { sessionStore } from "./session-store.js";
export { createSession, deleteUserSessions } from "./sessions.repository.js";
