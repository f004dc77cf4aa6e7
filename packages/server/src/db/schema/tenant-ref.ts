import { uuid } from "drizzle-orm/pg-core";
import { tenants } from "./accounts.js";

/** The `tenant_id` every tenant-owned row carries: not null, referencing its bureau. */
export const tenantRef = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id);
