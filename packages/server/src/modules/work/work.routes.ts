import { idParamSchema, myWorkSchema, unitWorkSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { findMyWork, findUnitAssignments } from "./work.service.js";

/** 我的工作 and the unit page. */
export async function workRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get("/api/my-work", { schema: { tags: ["work"], response: { 200: myWorkSchema } } }, async (request) =>
    findMyWork(contextOf(app, request)),
  );
  r.get(
    "/api/units/:id/assignments",
    { schema: { tags: ["work"], params: idParamSchema, response: { 200: unitWorkSchema } } },
    async (request) => findUnitAssignments(contextOf(app, request), request.params.id),
  );
}
