import {
  channelPageSchema,
  channelPutSchema,
  channelSchema,
  deliveryPageSchema,
  deliveryQuerySchema,
  pageQuerySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { findChannelSettings, findDeliveryPage, saveChannelSetting } from "./channels.service.js";

const tags = ["channels"];

/** Message channels (SMTP, 企业微信/钉钉 robots) and the delivery log, for administrators. */
export async function channelRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/channels",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: channelPageSchema } } },
    async (request) => findChannelSettings(contextOf(app, request), request.query),
  );
  r.put(
    "/api/channels",
    { schema: { tags, body: channelPutSchema, response: { 200: channelSchema } } },
    async (request) => saveChannelSetting(contextOf(app, request), request.body),
  );
  r.get(
    "/api/deliveries",
    { schema: { tags, querystring: deliveryQuerySchema, response: { 200: deliveryPageSchema } } },
    async (request) => findDeliveryPage(contextOf(app, request), request.query),
  );
}
