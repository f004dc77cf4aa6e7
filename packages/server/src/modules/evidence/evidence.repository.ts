import { and, eq, gte, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import {
  files,
  nodeClosures,
  noticeEvents,
  rectifications,
  reportFiles,
  reports,
  supervisionNotices,
  units,
  users,
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

/** Inserts a file row. */
export async function insertFile(db: DbOrTx, values: typeof files.$inferInsert): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

/** The files an owner's quota counts. */
function ownedBy(owner: UploadOwner): SQL {
  return "unitId" in owner
    ? and(eq(files.tenantId, owner.tenantId), eq(files.unitId, owner.unitId))!
    : and(eq(files.tenantId, owner.tenantId), isNull(files.unitId), eq(files.createdBy, owner.userId))!;
}

/**
 * In one read: how many files the owner uploaded after `windowStart` and when the oldest of them was, and the
 * bytes the owner uploaded from `dayStart` on.
 */
export async function uploadUsage(db: DbOrTx, owner: UploadOwner, windowStart: Date, dayStart: Date) {
  const since = windowStart < dayStart ? windowStart : dayStart;
  const window = sql`${windowStart.toISOString()}::timestamptz`;
  const day = sql`${dayStart.toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      count: sql<number>`(count(*) filter (where ${files.createdAt} > ${window}))::int`,
      oldest: sql<Date | null>`min(${files.createdAt}) filter (where ${files.createdAt} > ${window})`.mapWith(
        files.createdAt,
      ),
      bytes: sql<string | null>`sum(${files.size}) filter (where ${files.createdAt} >= ${day})`,
    })
    .from(files)
    .where(and(ownedBy(owner), gte(files.createdAt, since)));
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null, bytes: Number(row?.bytes ?? 0) };
}

/**
 * Locks the owner's unit (or user) row, so two uploads of one owner check their quota one after the other. No
 * key update: rows that merely reference the unit (a report being saved) are not held up by an upload.
 */
export async function lockUploadOwner(tx: DbOrTx, owner: UploadOwner): Promise<void> {
  if ("unitId" in owner)
    await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.tenantId, owner.tenantId), eq(units.id, owner.unitId)))
      .for("no key update");
  else
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, owner.tenantId), eq(users.id, owner.userId)))
      .for("no key update");
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
