import {
  groupCreateSchema,
  groupMemberPageSchema,
  groupPageSchema,
  groupPreviewSchema,
  groupQuerySchema,
  groupSchema,
  groupUpdateSchema,
  idParamSchema,
  pageQuerySchema,
  setEnabledSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { createGroup, findGroupsPage, getGroup, setGroupEnabled, updateGroup } from "./groups.service.js";
import { findGroupMembers, previewGroupRule } from "./groups-members.service.js";

const tags = ["groups"];

/** Unit groups: list, read, create, edit, enable/disable, resolve members, preview a rule. */
export async function groupRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get(
    "/api/groups",
    { schema: { tags, querystring: groupQuerySchema, response: { 200: groupPageSchema } } },
    async (request) => findGroupsPage(contextOf(app, request), request.query),
  );

  r.post(
    "/api/groups",
    { schema: { tags, body: groupCreateSchema, response: { 201: groupSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createGroup(contextOf(app, request), request.body)),
  );

  r.post(
    "/api/groups/preview",
    {
      schema: {
        tags,
        querystring: pageQuerySchema,
        body: groupPreviewSchema,
        response: { 200: groupMemberPageSchema },
      },
    },
    async (request) => previewGroupRule(contextOf(app, request), request.body.rule, request.query),
  );

  r.get(
    "/api/groups/:id",
    { schema: { tags, params: idParamSchema, response: { 200: groupSchema } } },
    async (request) => getGroup(contextOf(app, request), request.params.id),
  );

  r.put(
    "/api/groups/:id",
    { schema: { tags, params: idParamSchema, body: groupUpdateSchema, response: { 200: groupSchema } } },
    async (request) => updateGroup(contextOf(app, request), request.params.id, request.body),
  );

  r.put(
    "/api/groups/:id/enabled",
    { schema: { tags, params: idParamSchema, body: setEnabledSchema, response: { 200: groupSchema } } },
    async (request) => setGroupEnabled(contextOf(app, request), request.params.id, request.body),
  );

  r.get(
    "/api/groups/:id/members",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: pageQuerySchema,
        response: { 200: groupMemberPageSchema },
      },
    },
    async (request) => findGroupMembers(contextOf(app, request), request.params.id, request.query),
  );
}
