import {
  idParamSchema,
  resetPasswordSchema,
  setEnabledSchema,
  userCreateSchema,
  userPageSchema,
  userQuerySchema,
  userSchema,
  userUpdateSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { createUser, findUsersPage, getUser, presentUsers, updateUser } from "./users.service.js";
import { resetUserPassword, setUserEnabled, unlockUser } from "./users-account.service.js";

const tags = ["users"];

/** Users: list, read, create, edit, enable/disable, reset password, unlock. */
export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get(
    "/api/users",
    { schema: { tags, querystring: userQuerySchema, response: { 200: userPageSchema } } },
    async (request) => findUsersPage(contextOf(app, request), request.query),
  );

  r.post(
    "/api/users",
    { schema: { tags, body: userCreateSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.status(201).send(await createUser(contextOf(app, request), request.body)),
  );

  r.get(
    "/api/users/:id",
    { schema: { tags, params: idParamSchema, response: { 200: userSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      return (await presentUsers(ctx, [await getUser(ctx, request.params.id)]))[0]!;
    },
  );

  r.put(
    "/api/users/:id",
    { schema: { tags, params: idParamSchema, body: userUpdateSchema, response: { 200: userSchema } } },
    async (request) => updateUser(contextOf(app, request), request.params.id, request.body),
  );

  r.put(
    "/api/users/:id/enabled",
    { schema: { tags, params: idParamSchema, body: setEnabledSchema, response: { 200: userSchema } } },
    async (request) => setUserEnabled(contextOf(app, request), request.params.id, request.body),
  );

  r.post(
    "/api/users/:id/reset-password",
    { schema: { tags, params: idParamSchema, body: resetPasswordSchema, response: noContent } },
    async (request, reply) => {
      await resetUserPassword(contextOf(app, request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );

  r.post(
    "/api/users/:id/unlock",
    { schema: { tags, params: idParamSchema, response: noContent } },
    async (request, reply) => {
      await unlockUser(contextOf(app, request), request.params.id);
      return reply.status(204).send();
    },
  );
}
