// Public face of the users module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { createUser, findUsersPage, getUser, presentUsers, toUser, updateUser } from "./users.service.js";
export { resetUserPassword, setUserEnabled, unlockUser } from "./users-account.service.js";
export { buildUserTemplate, importUsers } from "./users-import.service.js";
