import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { sniffEvidenceType } from "../../files/evidence-type.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import * as repo from "./evidence.repository.js";
import { assertUploadQuota, uploadOwnerOf } from "./upload-quota.js";

/** Largest evidence file: 20 MB. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** A stored file row. */
export type FileRow = repo.FileRow;

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

/** Stores an uploaded evidence file after checking its type from content and the uploader's quota. */
export async function storeEvidence(ctx: ServiceContext, upload: { name: string; body: Buffer }) {
  if (upload.body.byteLength === 0) throw new AppError("bad_request", "文件是空的，请重新选择");
  const type = sniffEvidenceType(upload.body);
  if (!type)
    throw new AppError(
      "unsupported_media_type",
      "只能上传图片（JPG、PNG、GIF、WebP、HEIC）、PDF、Word（.docx）或 Excel（.xlsx）文件",
    );
  const now = ctx.clock.now();
  const quota = {
    owner: uploadOwnerOf(ctx.actor),
    size: upload.body.byteLength,
    now,
    quota: ctx.config.uploadQuota,
  };
  // Checked before the bytes are written, so a refused upload costs no disk; checked again under the lock.
  await assertUploadQuota(ctx.database.db, quota);
  const stored = await ctx.files.put(upload.body);
  const filename = upload.name.replace(/[\\/\r\n"]/g, "_").slice(0, 200) || "附件";
  return ctx.database.db.transaction(async (tx) => {
    await repo.lockUploadOwner(tx, quota.owner);
    await assertUploadQuota(tx, quota);
    const row = await repo.insertFile(tx, {
      tenantId: ctx.actor.tenantId,
      sha256: stored.sha256,
      size: stored.size,
      mime: type.mime,
      filename,
      createdBy: ctx.actor.userId,
      unitId: ctx.actor.unitId,
      // The quota window is measured on the application clock, so the row is stamped with it too.
      createdAt: now,
    });
    await audit(ctx, tx, {
      action: "file.upload",
      entity: "file",
      entityId: row.id,
      summary: { filename, mime: type.mime, size: stored.size },
    });
    return toFileRef(row);
  });
}

/** The refusal for a file id that is missing, another tenant's, or not the actor's to use. */
function missingFiles(): AppError {
  return new AppError("validation_failed", "附件不存在，请重新上传", [
    { path: "fileIds", message: "附件不存在" },
  ]);
}

/** Files of the tenant by id, for showing a record's attachments; all must exist. */
export async function findTenantFiles(db: DbOrTx, tenantId: string, ids: string[]): Promise<FileRow[]> {
  const rows = await repo.findFilesByIds(db, tenantId, ids);
  if (rows.length !== new Set(ids).size) throw missingFiles();
  return rows;
}

/** Whether the actor uploaded the file or belongs to the unit that uploaded it. */
export function ownsFile(actor: Actor, file: FileRow): boolean {
  return file.createdBy === actor.userId || (file.unitId !== null && file.unitId === actor.unitId);
}

/**
 * Files the actor may attach to a record: only the uploader's unit (a unit-less uploader: only they) may.
 * Another unit's or tenant's file id is refused like a missing one (400), so its existence is not revealed.
 */
export async function findAttachableFiles(db: DbOrTx, actor: Actor, ids: string[]): Promise<FileRow[]> {
  return assertAttachable(actor, ids, await repo.findFilesByIds(db, actor.tenantId, ids));
}

/** Of the tenant's files found among `ids` (read by the caller), the ones the actor may attach, or 400 as above. */
export function assertAttachable(actor: Actor, ids: string[], rows: FileRow[]): FileRow[] {
  const canAttach = (f: FileRow) =>
    f.unitId !== null ? f.unitId === actor.unitId : f.createdBy === actor.userId;
  if (rows.length !== new Set(ids).size || !rows.every(canAttach)) throw missingFiles();
  return rows;
}
