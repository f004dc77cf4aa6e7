import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { files } from "../../db/schema.js";
import { AppError, notFound } from "../../errors.js";
import { sniffEvidenceType } from "../../files/evidence-type.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../../policy.js";

/** Largest evidence file: 20 MB. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** A stored file row. */
export type FileRow = typeof files.$inferSelect;

/** Images and PDFs open in the browser; the rest download. */
export function isPreviewable(mime: string): boolean {
  return mime === "application/pdf" || (mime.startsWith("image/") && mime !== "image/heic");
}

/** The public face of a stored file. */
export function toFileRef(row: FileRow) {
  return {
    id: row.id,
    filename: row.filename,
    mime: row.mime,
    size: row.size,
    previewable: isPreviewable(row.mime),
  };
}

/** Stores an uploaded evidence file after checking its type from content. */
export async function storeEvidence(ctx: ServiceContext, upload: { name: string; body: Buffer }) {
  if (upload.body.byteLength === 0) throw new AppError("bad_request", "文件是空的，请重新选择");
  const type = sniffEvidenceType(upload.body);
  if (!type)
    throw new AppError(
      "unsupported_media_type",
      "只能上传图片（JPG、PNG、GIF、WebP、HEIC）、PDF、Word（.docx）或 Excel（.xlsx）文件",
    );
  const stored = await ctx.files.put(upload.body);
  const filename = upload.name.replace(/[\\/\r\n"]/g, "_").slice(0, 200) || "附件";
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(files)
      .values({
        tenantId: ctx.actor.tenantId,
        sha256: stored.sha256,
        size: stored.size,
        mime: type.mime,
        filename,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await audit(ctx, tx, {
      action: "file.upload",
      entity: "file",
      entityId: row!.id,
      summary: { filename, mime: type.mime, size: stored.size },
    });
    return toFileRef(row!);
  });
}

/** Files of the tenant by id; all must exist (another tenant's id is reported like a missing one). */
export async function findTenantFiles(db: DbOrTx, tenantId: string, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, ids)));
  if (rows.length !== new Set(ids).size)
    throw new AppError("validation_failed", "附件不存在，请重新上传", [
      { path: "fileIds", message: "附件不存在" },
    ]);
  return rows;
}

/** One file of the tenant, or 404. */
export async function getFile(ctx: ServiceContext, id: string): Promise<FileRow> {
  const [row] = await ctx.database.db
    .select()
    .from(files)
    .where(and(eq(files.tenantId, ctx.actor.tenantId), eq(files.id, id)));
  if (!row) throw notFound("文件");
  return row;
}
