import {
  idParamSchema,
  notificationPageSchema,
  notificationPreferencesInputSchema,
  notificationPreferencesSchema,
  notificationQuerySchema,
  notificationSchema,
  readAllResultSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { findMyNotifications, readAllNotifications, readNotification } from "./notifications.service.js";
import { getMyPreferences, updateMyPreferences } from "./preferences.service.js";

const tags = ["notifications"];

/** The in-app notification centre: the bell's list, mark one or all read, and the user's own preferences. */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/notifications",
    {
      schema: { tags, querystring: notificationQuerySchema, response: { 200: notificationPageSchema } },
    },
    async (request) => findMyNotifications(contextOf(app, request), request.query),
  );
  r.post(
    "/api/notifications/read-all",
    { schema: { tags, response: { 200: readAllResultSchema } } },
    async (request) => readAllNotifications(contextOf(app, request)),
  );
  r.post(
    "/api/notifications/:id/read",
    { schema: { tags, params: idParamSchema, response: { 200: notificationSchema } } },
    async (request) => readNotification(contextOf(app, request), request.params.id),
  );
  r.get(
    "/api/notification-preferences",
    { schema: { tags, response: { 200: notificationPreferencesSchema } } },
    async (request) => getMyPreferences(contextOf(app, request)),
  );
  r.put(
    "/api/notification-preferences",
    {
      schema: {
        tags,
        body: notificationPreferencesInputSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => updateMyPreferences(contextOf(app, request), request.body),
  );
}
