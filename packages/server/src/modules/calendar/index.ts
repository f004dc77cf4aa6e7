// Public face of the calendar module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { type CalendarLog, loadWorkCalendars } from "./calendar.jobs.js";
