import { idParamSchema, planReminderSettingsSchema, planReminderSettingsUpdateSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { getReminderSettings, updateReminderSettings } from "./reminder-settings.service.js";

const tags = ["reminders"];

/** A plan's 催办 settings: when reminders go out before the due date and when overdue ones escalate. */
export async function reminderSettingsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/plans/:id/reminder-settings",
    { schema: { tags, params: idParamSchema, response: { 200: planReminderSettingsSchema } } },
    async (request) => getReminderSettings(contextOf(app, request), request.params.id),
  );
  r.put(
    "/api/plans/:id/reminder-settings",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: planReminderSettingsUpdateSchema,
        response: { 200: planReminderSettingsSchema },
      },
    },
    async (request) => updateReminderSettings(contextOf(app, request), request.params.id, request.body),
  );
}
