import {
  workCalendarOverviewSchema,
  workCalendarYearParamsSchema,
  workCalendarYearSchema,
  workCalendarYearUpdateSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import {
  getWorkCalendarOverview,
  getWorkCalendarYear,
  resetWorkCalendarYear,
  saveWorkCalendarYear,
} from "./calendar.service.js";

const tags = ["reminders"];

/** The working-day calendar: each year's 法定节假日 and 调休 working days, as shipped or as the admin keeps them. */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/work-calendar",
    { schema: { tags, response: { 200: workCalendarOverviewSchema } } },
    async (request) => getWorkCalendarOverview(contextOf(app, request)),
  );
  r.get(
    "/api/work-calendar/:year",
    { schema: { tags, params: workCalendarYearParamsSchema, response: { 200: workCalendarYearSchema } } },
    async (request) => getWorkCalendarYear(contextOf(app, request), request.params.year),
  );
  r.put(
    "/api/work-calendar/:year",
    {
      schema: {
        tags,
        params: workCalendarYearParamsSchema,
        body: workCalendarYearUpdateSchema,
        response: { 200: workCalendarYearSchema },
      },
    },
    async (request) => saveWorkCalendarYear(contextOf(app, request), request.params.year, request.body),
  );
  r.post(
    "/api/work-calendar/:year/reset",
    { schema: { tags, params: workCalendarYearParamsSchema, response: { 200: workCalendarYearSchema } } },
    async (request) => resetWorkCalendarYear(contextOf(app, request), request.params.year),
  );
}
