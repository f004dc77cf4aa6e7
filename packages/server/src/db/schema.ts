/** The Drizzle schema, one file per area; migrations are generated from all of it. */
export * from "./schema/accounts.js";
export * from "./schema/assessment.js";
export * from "./schema/bulletins.js";
export * from "./schema/calendar.js";
export * from "./schema/cascade.js";
export * from "./schema/cascade-notices.js";
export * from "./schema/cascade-upward.js";
export * from "./schema/documents.js";
export * from "./schema/execution.js";
export * from "./schema/file-blobs.js";
export * from "./schema/forms.js";
export * from "./schema/notification-settings.js";
export * from "./schema/plans.js";
export * from "./schema/reminders.js";
export * from "./schema/search.js";
export * from "./schema/snapshots.js";
export * from "./schema/supervision.js";
