import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { notifications } from "../../db/schema.js";

/** A notification row. */
export type NotificationRow = typeof notifications.$inferSelect;

/** One page of a user's notifications, newest first, with the unread count. */
export async function findUserNotifications(
  db: DbOrTx,
  key: { tenantId: string; userId: string },
  paging: { page: number; pageSize: number; unread?: boolean },
) {
  const mine = and(eq(notifications.tenantId, key.tenantId), eq(notifications.userId, key.userId));
  const where = paging.unread ? and(mine, isNull(notifications.readAt)) : mine;
  const items = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  const [total] = await db.select({ n: count() }).from(notifications).where(where);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items, total: total?.n ?? 0, unreadCount: unread?.n ?? 0 };
}

/** Marks the user's notifications read (one, or all when no id); returns how many changed. */
export async function markRead(
  db: DbOrTx,
  key: { tenantId: string; userId: string; id?: string },
  at: Date,
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.tenantId, key.tenantId),
        eq(notifications.userId, key.userId),
        isNull(notifications.readAt),
        key.id ? eq(notifications.id, key.id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** One notification of the user, or null. */
export async function findUserNotification(
  db: DbOrTx,
  key: { tenantId: string; userId: string; id: string },
): Promise<NotificationRow | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.tenantId, key.tenantId),
        eq(notifications.userId, key.userId),
        eq(notifications.id, key.id),
      ),
    );
  return row ?? null;
}
