import type { NotificationKind, NotificationMode, Role } from "@duban/domain";
import { and, arrayOverlaps, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { notificationPreferences, notifications, users } from "../../db/schema.js";

/** Who a notification goes to: named users, a unit's users (optionally of some roles), or the tenant's users of some roles. */
export type Recipients = { userIds: string[] } | { unitId: string; roles?: Role[] } | { roles: Role[] };

/** A recipient as the notification path needs them. */
export interface Person {
  id: string;
  email: string | null;
  unitId: string | null;
}

/** The enabled users the recipients name, in the tenant. */
export async function findRecipients(db: DbOrTx, tenantId: string, to: Recipients): Promise<Person[]> {
  if ("userIds" in to && to.userIds.length === 0) return [];
  const who =
    "userIds" in to
      ? inArray(users.id, [...new Set(to.userIds)])
      : and(
          "unitId" in to ? eq(users.unitId, to.unitId) : undefined,
          to.roles ? arrayOverlaps(users.roles, to.roles) : undefined,
        );
  return db
    .select({ id: users.id, email: users.email, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.enabled, true), who));
}

/** The modes the users chose for one kind; a user without a row is absent from the map. */
export async function findModes(
  db: DbOrTx,
  tenantId: string,
  kind: NotificationKind,
  userIds: string[],
): Promise<Map<string, NotificationMode>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: notificationPreferences.userId, mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.tenantId, tenantId),
        eq(notificationPreferences.kind, kind),
        inArray(notificationPreferences.userId, userIds),
      ),
    );
  return new Map(rows.map((r) => [r.userId, r.mode]));
}

/**
 * Inserts the notifications, skipping any whose (user, dedupe key) is already stored; returns the users newly told.
 * The unique index, not a read before the write, decides: two processes replaying one step cannot both insert.
 */
export async function insertOnce(
  db: DbOrTx,
  rows: (typeof notifications.$inferInsert)[],
): Promise<{ userId: string; pushState: string | null }[]> {
  if (rows.length === 0) return [];
  return db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ userId: notifications.userId, pushState: notifications.pushState });
}

/** Which of the dedupe keys some notification of the tenant already carries (a 催报 sent today, …). */
export async function findSentDedupeKeys(db: DbOrTx, tenantId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ key: notifications.dedupeKey })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), inArray(notifications.dedupeKey, keys)));
  return new Set(rows.flatMap((r) => (r.key ? [r.key] : [])));
}
