import type { NotificationMode, NotificationPreference } from "@duban/domain";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { notificationPreferences } from "../../db/schema.js";

/** The kinds a user has chosen a mode for. */
export async function findUserPreferences(
  db: DbOrTx,
  key: { tenantId: string; userId: string },
): Promise<Map<string, NotificationMode>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(
      and(eq(notificationPreferences.tenantId, key.tenantId), eq(notificationPreferences.userId, key.userId)),
    );
  return new Map(rows.map((r) => [r.kind, r.mode]));
}

/** Sets the user's mode for each kind given, in one statement. */
export async function upsertUserPreferences(
  db: DbOrTx,
  key: { tenantId: string; userId: string },
  items: NotificationPreference[],
  at: Date,
): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values(items.map((i) => ({ ...key, kind: i.kind, mode: i.mode, updatedAt: at })))
    .onConflictDoUpdate({
      target: [
        notificationPreferences.tenantId,
        notificationPreferences.userId,
        notificationPreferences.kind,
      ],
      set: { mode: sql`excluded.mode`, updatedAt: sql`excluded.updated_at` },
    });
}
