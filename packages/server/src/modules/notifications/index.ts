// Public face of the notifications module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { insertNotifications } from "./notifications.repository.js";
export { type NotifyInput, notify, notifyUnit, type Recipients } from "./notify.js";
export { DIGEST_HOUR, GROUP_PUSH_AT, sendDailyDigests, sendGroupedPushes } from "./pushes.js";
