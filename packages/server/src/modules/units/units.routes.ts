import {
  canViewUnits,
  idParamSchema,
  pageFrom,
  pageQuerySchema,
  setEnabledSchema,
  townshipPageSchema,
  type UnitOption,
  unitCreateSchema,
  unitOptionPageSchema,
  unitPageSchema,
  unitQuerySchema,
  unitSchema,
  unitUpdateSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { forbidden } from "../../errors.js";
import { contextOf, typed } from "../../http/route-context.js";
import { findAllUnits, findTownships } from "./units.repository.js";
import { createUnit, findUnitsPage, getUnit, setUnitEnabled, toUnit, updateUnit } from "./units.service.js";

const tags = ["units"];

/** Departments and schools: list, read, create, edit, enable/disable. */
export async function unitRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get(
    "/api/units",
    { schema: { tags, querystring: unitQuerySchema, response: { 200: unitPageSchema } } },
    async (request) => findUnitsPage(contextOf(app, request), request.query),
  );

  // Every signed-in user may pick units in forms (e.g. a school choosing whom a reply goes to).
  r.get(
    "/api/units/options",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: unitOptionPageSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      const rows = await findAllUnits(ctx.database.db, ctx.actor.tenantId);
      const options = rows.map(
        (u): UnitOption => ({
          id: u.id,
          name: u.name,
          kind: u.kind,
          schoolType: u.schoolType,
        }),
      );
      return pageFrom(options, request.query, {});
    },
  );

  r.get(
    "/api/units/townships",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: townshipPageSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      if (!canViewUnits(ctx.actor)) throw forbidden("您的角色无权查看单位");
      return pageFrom(await findTownships(ctx.database.db, ctx.actor.tenantId), request.query, {});
    },
  );

  r.post(
    "/api/units",
    { schema: { tags, body: unitCreateSchema, response: { 201: unitSchema } } },
    async (request, reply) => reply.status(201).send(await createUnit(contextOf(app, request), request.body)),
  );

  r.get(
    "/api/units/:id",
    { schema: { tags, params: idParamSchema, response: { 200: unitSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      return toUnit(await getUnit(ctx, request.params.id), ctx.actor);
    },
  );

  r.put(
    "/api/units/:id",
    { schema: { tags, params: idParamSchema, body: unitUpdateSchema, response: { 200: unitSchema } } },
    async (request) => updateUnit(contextOf(app, request), request.params.id, request.body),
  );

  r.put(
    "/api/units/:id/enabled",
    { schema: { tags, params: idParamSchema, body: setEnabledSchema, response: { 200: unitSchema } } },
    async (request) => setUnitEnabled(contextOf(app, request), request.params.id, request.body),
  );
}
