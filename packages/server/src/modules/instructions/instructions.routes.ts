import {
  idParamSchema,
  instructionCreateSchema,
  instructionPageSchema,
  instructionQuerySchema,
  instructionSchema,
  myInstructionPageSchema,
  pageQuerySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import {
  acknowledgeInstruction,
  createInstruction,
  findEntityInstructions,
  findMyInstructions,
  getInstruction,
} from "./instructions.service.js";

const tags = ["instructions"];

/** 领导批示: leaders' instructions on items, and the responsible unit's 签收. */
export async function instructionRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/instructions",
    { schema: { tags, body: instructionCreateSchema, response: { 201: instructionSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createInstruction(contextOf(app, request), request.body)),
  );
  r.get(
    "/api/instructions",
    { schema: { tags, querystring: instructionQuerySchema, response: { 200: instructionPageSchema } } },
    async (request) => findEntityInstructions(contextOf(app, request), request.query),
  );
  r.get(
    "/api/instructions/mine",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: myInstructionPageSchema } } },
    async (request) => findMyInstructions(contextOf(app, request), request.query),
  );
  r.get(
    "/api/instructions/:id",
    { schema: { tags, params: idParamSchema, response: { 200: instructionSchema } } },
    async (request) => getInstruction(contextOf(app, request), request.params.id),
  );
  r.post(
    "/api/instructions/:id/acknowledge",
    { schema: { tags, params: idParamSchema, response: { 200: instructionSchema } } },
    async (request) => acknowledgeInstruction(contextOf(app, request), request.params.id),
  );
}
