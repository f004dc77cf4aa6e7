import { idParamSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contentDisposition } from "../../http/content-disposition.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { isPreviewable } from "../evidence/index.js";
import { getReadableFile } from "./file-access.js";

/**
 * Stored files, downloaded or previewed inline. Apart from evidence uploads because who may read a file depends
 * on every record that can hold one (reports, notices, 整改 items, close-outs).
 */
export async function downloadRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
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
