import type { Notification, NotificationPage, NotificationQuery } from "@duban/domain";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import * as repo from "./notifications.repository.js";

/** Builds the API shape of a notification. */
function toNotification(row: repo.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    entity: row.entity,
    entityId: row.entityId,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The signed-in user's notifications, newest first, with how many are unread. */
export async function findMyNotifications(
  ctx: ServiceContext,
  query: NotificationQuery,
): Promise<NotificationPage> {
  const key = { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId };
  const found = await repo.findUserNotifications(ctx.database.db, key, query);
  return {
    ...found,
    items: found.items.map(toNotification),
    page: query.page,
    pageSize: query.pageSize,
    abilities: {},
  };
}

/** Marks one of the user's notifications read; someone else's answers 404. */
export async function readNotification(ctx: ServiceContext, id: string): Promise<Notification> {
  const key = { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId, id };
  const { db } = ctx.database;
  if (!(await repo.findUserNotification(db, key))) throw notFound("通知");
  await repo.markRead(db, key, ctx.clock.now());
  return toNotification((await repo.findUserNotification(db, key))!);
}

/** Marks all of the user's notifications read. */
export async function readAllNotifications(ctx: ServiceContext): Promise<{ updated: number }> {
  const key = { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId };
  return { updated: await repo.markRead(ctx.database.db, key, ctx.clock.now()) };
}
