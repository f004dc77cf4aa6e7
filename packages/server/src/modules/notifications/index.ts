// Public face of the notifications module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { insertNotifications } from "./notifications.repository.js";
export { notifyUnit } from "./notify.js";
