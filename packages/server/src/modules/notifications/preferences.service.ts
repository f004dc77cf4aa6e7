import {
  defaultNotificationMode,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  notificationKinds,
} from "@duban/domain";
import type { ServiceContext } from "../../http/context.js";
import { findUserPreferences, upsertUserPreferences } from "./preferences.repository.js";

/** The signed-in user's mode for every kind, the default where none was chosen. */
export async function getMyPreferences(ctx: ServiceContext): Promise<NotificationPreferences> {
  const key = { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId };
  const chosen = await findUserPreferences(ctx.database.db, key);
  return {
    preferences: notificationKinds.map((kind) => ({
      kind,
      mode: chosen.get(kind) ?? defaultNotificationMode,
    })),
  };
}

/** Sets the signed-in user's own modes: a user changes no one else's, so there is no id to send. */
export async function updateMyPreferences(
  ctx: ServiceContext,
  input: NotificationPreferencesInput,
): Promise<NotificationPreferences> {
  const key = { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId };
  await upsertUserPreferences(ctx.database.db, key, input.preferences, ctx.clock.now());
  return getMyPreferences(ctx);
}
