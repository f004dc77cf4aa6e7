import { and, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client.js";
import { jsonStatement, rowFromJson } from "../../db/json-statement.js";
import { preparedOnce } from "../../db/prepared-once.js";
import {
  files,
  nodeClosures,
  noticeEvents,
  rectifications,
  reportFiles,
  reports,
  supervisionNotices,
} from "../../db/schema.js";

/** A stored file row. */
export type FileRow = typeof files.$inferSelect;

/** Whose upload quota a file counts against: the uploader's unit, or a unit-less uploader alone. */
export type UploadOwner = { tenantId: string; unitId: string } | { tenantId: string; userId: string };

/** A record a file is attached to, with what its visibility rule needs. */
export type FileAttachment =
  | { kind: "report" | "notice" | "rectification"; unitId: string }
  | { kind: "closure"; nodeId: string };

/** Files of the tenant by id (any that exist). */
export function findFilesByIds(db: DbOrTx, tenantId: string, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(files)
    .where(and(eq(files.tenantId, tenantId), inArray(files.id, [...new Set(ids)])));
}

const p = (name: string) => sql`${sql.placeholder(name)}`;

// The statements of an upload, each of one shape and named (`preparedOnce`): on a deadline day every school's
// photo runs them, and PostgreSQL parses and plans each once per connection.

const window = sql`${sql.placeholder("windowStart")}::timestamptz`;
const day = sql`${sql.placeholder("dayStart")}::timestamptz`;

/** The quota's read of an owner's files (a unit's, or a unit-less user's own). */
function usageStatement(db: DbOrTx, ofUnit: boolean) {
  const name = ofUnit ? "upload_usage_unit" : "upload_usage_user";
  return preparedOnce(db, name, () => {
    const owned = ofUnit
      ? and(eq(files.tenantId, p("tenantId")), eq(files.unitId, p("unitId")))
      : and(eq(files.tenantId, p("tenantId")), isNull(files.unitId), eq(files.createdBy, p("userId")));
    return db
      .select({
        count: sql<number>`(count(*) filter (where ${files.createdAt} > ${window}))::int`,
        oldest:
          sql<Date | null>`min(${files.createdAt}) filter (where ${files.createdAt} > ${window})`.mapWith(
            files.createdAt,
          ),
        bytes: sql<string | null>`sum(${files.size}) filter (where ${files.createdAt} >= ${day})`,
      })
      .from(files)
      .where(and(owned, gte(files.createdAt, sql`${sql.placeholder("since")}::timestamptz`)))
      .prepare(name);
  });
}

/** The owner's keys as statement values. */
function ownerKeys(owner: UploadOwner) {
  return "unitId" in owner
    ? { tenantId: owner.tenantId, unitId: owner.unitId }
    : { tenantId: owner.tenantId, userId: owner.userId };
}

/**
 * In one read: how many files the owner uploaded after `windowStart` and when the oldest of them was, and the
 * bytes the owner uploaded from `dayStart` on.
 */
export async function uploadUsage(
  db: DbOrTx,
  owner: UploadOwner,
  windowStart: Date,
  dayStart: Date,
): Promise<UploadUsage> {
  const since = windowStart < dayStart ? windowStart : dayStart;
  const [row] = await usageStatement(db, "unitId" in owner).execute({
    ...ownerKeys(owner),
    windowStart: windowStart.toISOString(),
    dayStart: dayStart.toISOString(),
    since: since.toISOString(),
  });
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null, bytes: Number(row?.bytes ?? 0) };
}

/** An owner's uploads as the quota counts them. */
export interface UploadUsage {
  count: number;
  oldest: Date | null;
  bytes: number;
}

/** What `recordUpload` writes: the file row and its audit row, by the actor. */
export interface UploadRecord {
  tenantId: string;
  actorId: string;
  /** The actor's unit: owns the file and its quota (none: the actor alone). */
  unitId: string | null;
  windowStart: Date;
  dayStart: Date;
  maxFiles: number;
  dailyBytes: number;
  sha256: string;
  size: number;
  mime: string;
  filename: string;
  createdAt: Date;
  actorName: string;
  ip: string | null;
  summary: unknown;
}

function recordStatement(db: Db) {
  return jsonStatement<{
    count: number;
    oldest: string | null;
    bytes: number | string;
    file?: Record<string, unknown>;
  }>(db, "upload_record", () => ({
    result: sql`record_evidence_upload(${p("tenantId")}::uuid, ${p("actorId")}::uuid, ${p("unitId")}::uuid,
        ${p("windowStart")}::timestamptz, ${p("dayStart")}::timestamptz, ${p("maxFiles")}::integer,
        ${p("dailyBytes")}::bigint, ${p("sha256")}::text, ${p("size")}::integer, ${p("mime")}::text,
        ${p("filename")}::text, ${p("createdAt")}::timestamptz, ${p("actorName")}::text, ${p("ip")}::text,
        ${p("summary")}::jsonb)`,
  }));
}

/**
 * Inserts an uploaded file's row and its audit row in one statement, if the owner's quota, read under the owner's
 * row lock (so uploads of one owner arriving at once are counted one after the other), leaves room for it. The lock
 * is FOR NO KEY UPDATE: rows that merely reference the unit (a report being saved) are not held up by an upload.
 * Answers the usage it read and the row, or no row when the quota is used up.
 */
export async function recordUpload(
  db: Db,
  r: UploadRecord,
): Promise<{ usage: UploadUsage; file: FileRow | null }> {
  const out = await recordStatement(db).execute({
    ...r,
    windowStart: r.windowStart.toISOString(),
    dayStart: r.dayStart.toISOString(),
    createdAt: r.createdAt.toISOString(),
    summary: JSON.stringify(r.summary),
  });
  if (!out) throw new Error("record_evidence_upload answered nothing");
  return {
    usage: { count: out.count, oldest: out.oldest ? new Date(out.oldest) : null, bytes: Number(out.bytes) },
    file: out.file ? rowFromJson<FileRow>(out.file, ["createdAt"]) : null,
  };
}

/**
 * Every record a file is attached to: reports, 督办单 replies, 整改 submissions and close-out requests.
 * Reads other features' tables on purpose: a file's readers are decided by the records that hold it.
 */
export async function findFileAttachments(
  db: DbOrTx,
  tenantId: string,
  fileId: string,
): Promise<FileAttachment[]> {
  const holds = (column: AnyPgColumn) => sql`${fileId}::uuid = any(${column})`;
  const [onReports, onNotices, onRectifications, onClosures] = await Promise.all([
    db
      .select({ unitId: reports.unitId })
      .from(reportFiles)
      .innerJoin(reports, eq(reports.id, reportFiles.reportId))
      .where(and(eq(reportFiles.tenantId, tenantId), eq(reportFiles.fileId, fileId))),
    db
      .select({ unitId: supervisionNotices.unitId })
      .from(noticeEvents)
      .innerJoin(supervisionNotices, eq(supervisionNotices.id, noticeEvents.noticeId))
      .where(and(eq(noticeEvents.tenantId, tenantId), holds(noticeEvents.fileIds))),
    db
      .select({ unitId: rectifications.unitId })
      .from(rectifications)
      .where(and(eq(rectifications.tenantId, tenantId), holds(rectifications.fileIds))),
    db
      .select({ nodeId: nodeClosures.nodeId })
      .from(nodeClosures)
      .where(and(eq(nodeClosures.tenantId, tenantId), holds(nodeClosures.fileIds))),
  ]);
  return [
    ...onReports.map((r) => ({ kind: "report" as const, unitId: r.unitId })),
    ...onNotices.map((r) => ({ kind: "notice" as const, unitId: r.unitId })),
    ...onRectifications.map((r) => ({ kind: "rectification" as const, unitId: r.unitId })),
    ...onClosures.map((r) => ({ kind: "closure" as const, nodeId: r.nodeId })),
  ];
}
