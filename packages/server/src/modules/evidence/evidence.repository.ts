import { and, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
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

function lockStatement(db: DbOrTx, ofUnit: boolean) {
  return ofUnit
    ? preparedOnce(db, "upload_lock_unit", () =>
        db
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.tenantId, p("tenantId")), eq(units.id, p("unitId"))))
          .for("no key update")
          .prepare("upload_lock_unit"),
      )
    : preparedOnce(db, "upload_lock_user", () =>
        db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.tenantId, p("tenantId")), eq(users.id, p("userId"))))
          .for("no key update")
          .prepare("upload_lock_user"),
      );
}

function insertFileStatement(db: DbOrTx) {
  return preparedOnce(db, "upload_insert_file", () =>
    db
      .insert(files)
      .values({
        tenantId: p("tenantId"),
        sha256: p("sha256"),
        size: p("size"),
        mime: p("mime"),
        filename: p("filename"),
        createdBy: p("createdBy"),
        unitId: p("unitId"),
        createdAt: sql`${sql.placeholder("createdAt")}::timestamptz`,
      })
      .returning()
      .prepare("upload_insert_file"),
  );
}

/** Inserts the row of an uploaded evidence file (every column given). */
export async function insertEvidenceFile(
  db: DbOrTx,
  values: Omit<typeof files.$inferInsert, "id" | "unitId" | "createdAt"> & {
    unitId: string | null;
    createdAt: Date;
  },
): Promise<FileRow> {
  const [row] = await insertFileStatement(db).execute({
    ...values,
    createdAt: values.createdAt.toISOString(),
  });
  return row!;
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
export async function uploadUsage(db: DbOrTx, owner: UploadOwner, windowStart: Date, dayStart: Date) {
  const since = windowStart < dayStart ? windowStart : dayStart;
  const [row] = await usageStatement(db, "unitId" in owner).execute({
    ...ownerKeys(owner),
    windowStart: windowStart.toISOString(),
    dayStart: dayStart.toISOString(),
    since: since.toISOString(),
  });
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null, bytes: Number(row?.bytes ?? 0) };
}

/**
 * Locks the owner's unit (or user) row, so two uploads of one owner check their quota one after the other. No
 * key update: rows that merely reference the unit (a report being saved) are not held up by an upload.
 */
export async function lockUploadOwner(tx: DbOrTx, owner: UploadOwner): Promise<void> {
  await lockStatement(tx, "unitId" in owner).execute(ownerKeys(owner));
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
