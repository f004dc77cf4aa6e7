// The notifications module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.

export { insertNotifications } from "./notifications.repository.js";
export { notifyUnit } from "./notify.js";
