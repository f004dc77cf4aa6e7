// Public face of the notifications module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { DIGEST_HOUR } from "./digest-day.js";
export { type NotifyInput, notify, notifyUnit, type Recipients } from "./notify.js";
export { type Audience, audienceJson, notifyParams, notifyParts, planNotify } from "./notify-plan.js";
export { GROUP_PUSH_AT, sendDailyDigests, sendGroupedPushes } from "./pushes.js";
export { findSentDedupeKeys } from "./recipients.repository.js";
