import { groupKinds, ownerships, roles, schoolTypes, unitKinds } from "@duban/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { createdAt, updatedAt } from "./columns.js";
import { allOf, oneOf } from "./enum-check.js";

/** A bureau. Bureaus nest: 大连市教育局 → 瓦房店市教育局. */
export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => tenants.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tenants_code_key").on(t.code)],
);

/** A department（科室）or a school of a tenant. */
export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: unitKinds }).notNull(),
    schoolType: text("school_type", { enum: schoolTypes }),
    ownership: text("ownership", { enum: ownerships }),
    township: text("township"),
    code: text("code"),
    sortOrder: integer("sort_order").notNull().default(0),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Unit names are how people refer to units (and how Excel imports match them), so they are unique per tenant.
    uniqueIndex("units_tenant_name_key").on(t.tenantId, t.name),
    index("units_tenant_kind_idx").on(t.tenantId, t.kind),
    check("units_kind_check", oneOf(t.kind, unitKinds)),
    check("units_school_type_check", oneOf(t.schoolType, schoolTypes)),
    check("units_ownership_check", oneOf(t.ownership, ownerships)),
  ],
);

/** A named set of units: a saved list, or a rule evaluated whenever the group is used. */
export const unitGroups = pgTable(
  "unit_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    description: text("description"),
    kind: text("kind", { enum: groupKinds }).notNull(),
    rule: jsonb("rule"),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("unit_groups_tenant_name_key").on(t.tenantId, t.name),
    check("unit_groups_kind_check", oneOf(t.kind, groupKinds)),
  ],
);

/** Members of a list group. */
export const unitGroupMembers = pgTable(
  "unit_group_members",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => unitGroups.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [uniqueIndex("unit_group_members_key").on(t.tenantId, t.groupId, t.unitId)],
);

/** A person who signs in. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    unitId: uuid("unit_id").references(() => units.id),
    name: text("name").notNull(),
    login: text("login").notNull(),
    phone: text("phone"),
    email: text("email"),
    roles: text("roles", { enum: roles }).array().notNull(),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    enabled: boolean("enabled").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The login form has no tenant picker, so a login names one person across all tenants.
    uniqueIndex("users_login_key").on(sql`lower(${t.login})`),
    // A unit's people (a task's lead department, a school's reporters) without reading the whole bureau's.
    index("users_tenant_unit_idx").on(t.tenantId, t.unitId),
    check("users_roles_check", allOf(t.roles, roles)),
  ],
);

/**
 * Every string that signs someone in — a login (lowercased) or a mobile number — names exactly one user
 * across all tenants, since the login form has no tenant picker. A trigger on users keeps the rows (see the
 * sign_in_identities migration); the primary key is what refuses a login equal to another user's phone.
 */
export const signInIdentities = pgTable(
  "sign_in_identities",
  {
    identity: text("identity").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sign_in_identities_user_idx").on(t.userId)],
);

/** Failed sign-in attempts per login string, whether or not such a user exists, so lockout reveals nothing. */
export const loginFailures = pgTable("login_failures", {
  login: text("login").primaryKey(),
  count: integer("count").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A signed-in session; the cookie holds a random token whose sha256 is the id. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Append-only record of every write and sign-in event (a trigger refuses UPDATE and DELETE). */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    summary: jsonb("summary"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_logs_tenant_created_idx").on(t.tenantId, t.createdAt)],
);

/** An uploaded file; the bytes live in the content-addressed file store (disk, PostgreSQL or S3) by sha256. */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    mime: text("mime").notNull(),
    filename: text("filename").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    /** The uploader's unit at upload time: it owns the file until the file is attached to a record. */
    unitId: uuid("unit_id").references(() => units.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("files_tenant_sha_idx").on(t.tenantId, t.sha256),
    // Upload quotas count a unit's (or a unit-less user's) recent files by upload time.
    index("files_unit_created_idx").on(t.tenantId, t.unitId, t.createdAt),
    index("files_creator_created_idx").on(t.tenantId, t.createdBy, t.createdAt),
  ],
);
