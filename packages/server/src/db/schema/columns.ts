import { timestamp } from "drizzle-orm/pg-core";

/** `created_at`, set by the database. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
/** `updated_at`, set on insert; writes set it explicitly. */
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
