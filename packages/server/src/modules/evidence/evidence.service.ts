import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { EvidenceSniffer, type EvidenceType } from "../../files/evidence-type.js";
import type { StoredFile } from "../../files/file-store.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import type { UploadInspector } from "../../http/upload.js";
import * as repo from "./evidence.repository.js";
import { assertUploadQuota, quotaPeriod, quotaRefusal, uploadOwnerOf } from "./upload-quota.js";

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

/** The refusal for bytes that are not an accepted evidence type, whatever the file's name says. */
function unsupportedType(): AppError {
  return new AppError(
    "unsupported_media_type",
    "只能上传图片（JPG、PNG、GIF、WebP、HEIC）、PDF、Word（.docx）或 Excel（.xlsx）文件",
  );
}

/**
 * Checks an evidence upload as it streams: refused as soon as its first bytes show it is no accepted type, and at
 * the end when empty or a ZIP that is neither Word nor Excel; `type()` is its type once accepted.
 */
export function evidenceUploadCheck(): UploadInspector & { type(): EvidenceType } {
  const sniffer = new EvidenceSniffer();
  let accepted: EvidenceType | null = null;
  return {
    push(chunk) {
      if (!sniffer.push(chunk)) throw unsupportedType();
    },
    end(size) {
      if (size === 0) throw new AppError("bad_request", "文件是空的，请重新选择");
      accepted = sniffer.type();
      if (!accepted) throw unsupportedType();
    },
    type() {
      if (!accepted) throw new Error("the upload has not been checked to its end");
      return accepted;
    },
  };
}

/**
 * Refuses, before a byte is stored, an upload the owner's quota already rules out: the window's files are used
 * up (429) or the day's bytes are (413). Without it an owner over the quota could go on filling the store with
 * bytes that no row references. Whether this file fits the rest of the day's bytes is known once it is stored.
 */
export async function precheckUploadQuota(ctx: ServiceContext): Promise<void> {
  await assertUploadQuota(ctx.database.db, {
    owner: uploadOwnerOf(ctx.actor),
    size: 0,
    now: ctx.clock.now(),
    quota: ctx.config.uploadQuota,
  });
}

/**
 * Records a stored evidence file for the actor: the uploader's quota (files per window, bytes per day) is checked
 * again, under the owner's row lock, in the statement that inserts the file and audit rows, so uploads arriving at
 * once let exactly the quota through. The bytes are already in the store: an upload refused here (a concurrent one
 * took the last of the quota) leaves them unreferenced.
 */
export async function recordEvidence(
  ctx: ServiceContext,
  upload: { name: string; stored: StoredFile; type: EvidenceType },
) {
  return toFileRef(await recordEvidenceRow(ctx, upload));
}

/** `recordEvidence`, answering the stored row. */
export async function recordEvidenceRow(
  ctx: ServiceContext,
  upload: { name: string; stored: StoredFile; type: EvidenceType },
): Promise<FileRow> {
  const { stored, type } = upload;
  const now = ctx.clock.now();
  const quota = ctx.config.uploadQuota;
  const filename = upload.name.replace(/[\\/\r\n"]/g, "_").slice(0, 200) || "附件";
  const { usage, file } = await repo.recordUpload(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.userId,
    unitId: ctx.actor.unitId,
    ...quotaPeriod(now, quota),
    maxFiles: quota.files,
    dailyBytes: quota.dailyBytes,
    sha256: stored.sha256,
    size: stored.size,
    mime: type.mime,
    filename,
    // The quota window is measured on the application clock, so the row is stamped with it too.
    createdAt: now,
    actorName: ctx.actor.name,
    ip: ctx.ip,
    summary: { filename, mime: type.mime, size: stored.size },
  });
  if (!file)
    throw (
      quotaRefusal(uploadOwnerOf(ctx.actor), usage, { size: stored.size, now, quota }) ??
      new Error("the upload was refused by a quota rule the service does not know")
    );
  return file;
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
