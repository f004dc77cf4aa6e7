import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { notificationDigests, notifications, users } from "../../db/schema.js";

/** A notification whose push was held back, with what its user's push needs. */
export interface HeldRow {
  tenantId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  entityId: string | null;
}

/**
 * Takes every notification held for the given push (across tenants: the scheduler serves the installation),
 * clearing the mark in the same statement, so of two processes each row goes to exactly one.
 */
export async function takeHeld(
  db: DbOrTx,
  held: { state: "group" } | { state: "digest"; tenantId: string; userId: string; day: string },
  tenantId?: string,
): Promise<HeldRow[]> {
  const n = notifications;
  return db
    .update(n)
    .set({ pushState: null, digestDay: null })
    .where(
      held.state === "group"
        ? and(eq(n.pushState, "group"), tenantId ? eq(n.tenantId, tenantId) : undefined)
        : and(
            eq(n.pushState, "digest"),
            eq(n.tenantId, held.tenantId),
            eq(n.userId, held.userId),
            lte(n.digestDay, held.day),
          ),
    )
    .returning({
      tenantId: notifications.tenantId,
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      entityId: notifications.entityId,
    });
}

/** The users with notifications due in the day's digest and no digest sent on the day yet. */
export async function findDigestUsers(
  db: DbOrTx,
  day: string,
  tenantId?: string,
): Promise<{ tenantId: string; userId: string }[]> {
  return db
    .selectDistinct({ tenantId: notifications.tenantId, userId: notifications.userId })
    .from(notifications)
    .leftJoin(
      notificationDigests,
      and(
        eq(notificationDigests.tenantId, notifications.tenantId),
        eq(notificationDigests.userId, notifications.userId),
        eq(notificationDigests.day, day),
      ),
    )
    .where(
      and(
        eq(notifications.pushState, "digest"),
        lte(notifications.digestDay, day),
        isNull(notificationDigests.id),
        tenantId ? eq(notifications.tenantId, tenantId) : undefined,
      ),
    )
    .orderBy(asc(notifications.tenantId), asc(notifications.userId));
}

/** Claims the user's digest of the day; false when it was already sent (by this or another process). */
export async function claimDigest(
  db: DbOrTx,
  key: { tenantId: string; userId: string; day: string },
): Promise<boolean> {
  const rows = await db
    .insert(notificationDigests)
    .values(key)
    .onConflictDoNothing()
    .returning({ id: notificationDigests.id });
  return rows.length > 0;
}

/** The email address and unit of users, by id (enabled users only: a disabled account hears nothing). */
export async function findPushTargets(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.enabled, true), inArray(users.id, ids)));
}
