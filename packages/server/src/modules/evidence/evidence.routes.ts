import { fileRefSchema, idParamSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contentDisposition } from "../../http/content-disposition.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { readUpload } from "../../http/upload.js";
import { EVIDENCE_MAX_BYTES, isPreviewable, storeEvidence } from "./evidence.service.js";
import { getReadableFile } from "./evidence-access.js";

/** Evidence files: upload, then download or preview inline. */
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

  r.get(
    "/api/files/:id",
    {
      schema: {
        tags: ["files"],
        params: idParamSchema,
        querystring: z.object({ inline: z.enum(["0", "1"]).optional() }),
        // The file goes back with the media type it was stored with.
        response: fileResponse("*/*", "文件内容"),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      const file = await getReadableFile(ctx, request.params.id);
      const inline = request.query.inline === "1" && isPreviewable(file.mime);
      // An uploaded file never runs script: sandboxed, except that Chromium's PDF viewer refuses a sandbox.
      const csp =
        file.mime === "application/pdf"
          ? "default-src 'none'; object-src 'self'"
          : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
      // Streamed from the store: forty downloads of a large file cost forty read buffers, not forty copies.
      const { stream, size } = await ctx.files.open(file.sha256);
      return (
        reply
          .header("content-type", file.mime)
          .header("content-length", size)
          .header("content-disposition", contentDisposition(inline ? "inline" : "attachment", file.filename))
          // Stored files are immutable: the id names the same bytes forever.
          .header("cache-control", "private, max-age=86400, immutable")
          .header("content-security-policy", csp)
          .send(stream)
      );
    },
  );
}
