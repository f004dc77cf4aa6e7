import { fileRefSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { readUpload } from "../../http/upload.js";
import { EVIDENCE_MAX_BYTES, storeEvidence } from "./evidence.service.js";

/** Evidence files: upload (downloads are served by the downloads module). */
export async function evidenceRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/files",
    { schema: { tags: ["files"], consumes: ["multipart/form-data"], response: { 201: fileRefSchema } } },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      const upload = await readUpload(request, { maxBytes: EVIDENCE_MAX_BYTES, what: "要上传的佐证材料" });
      return reply.status(201).send(await storeEvidence(ctx, upload));
    },
  );
}
