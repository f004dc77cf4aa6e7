import { fileRefSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { storeUpload } from "../../http/upload.js";
import {
  EVIDENCE_MAX_BYTES,
  evidenceUploadCheck,
  precheckUploadQuota,
  recordEvidence,
} from "./evidence.service.js";

/** Evidence files: upload (downloads are served by the downloads module). */
export async function evidenceRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/files",
    { schema: { tags: ["files"], consumes: ["multipart/form-data"], response: { 201: fileRefSchema } } },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      // An owner whose quota is used up is refused before the file is streamed into the store.
      await precheckUploadQuota(ctx);
      // Streamed into the store while hashed and sniffed: an upload is never held whole in memory.
      const check = evidenceUploadCheck();
      const upload = await storeUpload(request, {
        maxBytes: EVIDENCE_MAX_BYTES,
        what: "要上传的佐证材料",
        files: ctx.files,
        inspect: check,
      });
      return reply.status(201).send(await recordEvidence(ctx, { ...upload, type: check.type() }));
    },
  );
}
