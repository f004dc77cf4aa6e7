// Public face of the reminder-settings module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { getReminderSettings, updateReminderSettings } from "./reminder-settings.service.js";
