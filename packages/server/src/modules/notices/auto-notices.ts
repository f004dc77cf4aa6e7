import { nextNoticeStatus, noticeLevelLabels, noticeStatusesAllowing, shanghaiDate } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client.js";
import { assignments } from "../../db/schema.js";
import { type AssignmentDetail, findAssignmentDetails } from "../assignments/index.js";
import { notifyUnit } from "../notifications/index.js";
import { followedUpPlan } from "../plans/index.js";
import { type AutoLevel, autoLevel, autoReplyDue, isWorse, MISSED_CYCLES } from "./auto-level.js";
import { findSilentAssignments } from "./auto-notices.repository.js";
import { numberNotice } from "./notice-number.js";
import * as repo from "./notices.repository.js";

/** What the scan changed. */
export interface ScanCounts {
  raised: number;
  upgraded: number;
  closed: number;
}

/** Automatic notices still live (the scan may yet close them); the unique key allows one of these per item. */
const LIVE = new Set(noticeStatusesAllowing("close"));

const keyOf = (nodeId: string, assignmentId: string | null) => `${nodeId}:${assignmentId ?? ""}`;

/**
 * Raises, upgrades and closes automatic 督办单 from today's lights for every active assignment of the tenant's
 * plans followed up this year (published, of this year or kept live). Idempotent: a second run with nothing changed changes nothing. Used by `POST /api/notices/scan`
 * and the scheduler.
 */
export async function raiseAutoNotices(
  deps: { database: Database },
  input: { tenantId: string; now: Date },
): Promise<ScanCounts> {
  const { db } = deps.database;
  const { tenantId, now } = input;
  // Archived plans and plans of past years (unless kept live) are records: nothing is raised on them.
  const year = Number(shanghaiDate(now).slice(0, 4));
  const items = await findAssignmentDetails(
    db,
    tenantId,
    and(eq(assignments.status, "active"), followedUpPlan(year))!,
  );
  const silent = await findSilentAssignments(
    db,
    tenantId,
    items.map((d) => ({
      id: d.assignment.id,
      planId: d.plan.id,
      createdDay: shanghaiDate(d.assignment.createdAt),
    })),
    MISSED_CYCLES,
  );
  // Newest first, so the first notice seen per item is its latest.
  const latest = new Map<string, repo.NoticeRow>();
  for (const n of await repo.findAutoNotices(db, tenantId))
    if (!latest.has(keyOf(n.nodeId, n.assignmentId))) latest.set(keyOf(n.nodeId, n.assignmentId), n);
  const counts: ScanCounts = { raised: 0, upgraded: 0, closed: 0 };
  for (const d of items) {
    const a = d.assignment;
    const judged = autoLevel(
      {
        startDate: d.node.startDate,
        dueDate: a.dueDate ?? d.node.dueDate,
        progress: a.progress,
        done: a.progress >= 100 || d.node.status === "closed",
        missedReports: silent.has(a.id),
        plan: d.plan,
      },
      now,
    );
    const prior = latest.get(keyOf(a.nodeId, a.id)) ?? null;
    const live = prior && LIVE.has(prior.status) ? prior : null;
    if (!judged) {
      if (live && (await closeRecovered(db, live, now))) counts.closed++;
    } else if (live) {
      if (isWorse(judged.level, live.level) && (await upgrade(db, d, live, judged, now))) counts.upgraded++;
    } else if (!(prior?.status === "accepted" && !isWorse(judged.level, prior.level))) {
      // An answer the office accepted covers its level: only a worse situation calls for a new notice.
      if (await raise(db, d, judged, now)) counts.raised++;
    }
  }
  return counts;
}

/** Tells the unit about a new or worse notice; a scan's many notices reach a unit as one grouped push. */
function notify(tx: DbOrTx, d: AssignmentDetail, noticeId: string, judged: AutoLevel, now: Date) {
  return notifyUnit(tx, {
    tenantId: d.assignment.tenantId,
    unitId: d.assignment.unitId,
    kind: "notice",
    title: `${noticeLevelLabels[judged.level]}：${d.node.title}`,
    body: judged.reason,
    link: `/notices/${noticeId}`,
    entity: "supervision_notice",
    entityId: noticeId,
    dedupeKey: `notice:${noticeId}:${judged.level}`,
    now,
    grouped: true,
  });
}

/** Raises a new automatic notice; false when another process raised it first. */
async function raise(db: Database["db"], d: AssignmentDetail, judged: AutoLevel, now: Date) {
  const a = d.assignment;
  return db.transaction(async (tx) => {
    const row = await repo.insertNotice(tx, {
      tenantId: a.tenantId,
      planId: a.planId,
      nodeId: a.nodeId,
      assignmentId: a.id,
      unitId: a.unitId,
      level: judged.level,
      source: "auto",
      reason: judged.reason,
      replyDue: autoReplyDue(judged.level, now),
      createdAt: now,
    });
    if (!row) return false;
    await numberNotice(tx, row, now);
    await repo.insertNoticeEvent(tx, {
      tenantId: a.tenantId,
      noticeId: row.id,
      action: "raise",
      level: judged.level,
      text: judged.reason,
      createdAt: now,
    });
    await notify(tx, d, row.id, judged, now);
    return true;
  });
}

/** Raises a live notice's level in place; a new level needs a new answer, so it opens again. */
async function upgrade(
  db: Database["db"],
  d: AssignmentDetail,
  live: repo.NoticeRow,
  judged: AutoLevel,
  now: Date,
) {
  const status = nextNoticeStatus(live.status, "upgrade");
  if (!status) return false;
  return db.transaction(async (tx) => {
    const row = await repo.updateNotice(
      tx,
      { tenantId: live.tenantId, id: live.id, version: live.version },
      {
        level: judged.level,
        reason: judged.reason,
        status,
        replyDue: autoReplyDue(judged.level, now),
      },
    );
    if (!row) return false;
    await numberNotice(tx, row, now);
    await repo.insertNoticeEvent(tx, {
      tenantId: live.tenantId,
      noticeId: live.id,
      action: "upgrade",
      level: judged.level,
      text: judged.reason,
      createdAt: now,
    });
    await notify(tx, d, live.id, judged, now);
    return true;
  });
}

/** Closes a live notice whose item recovered, with a note in its record. */
async function closeRecovered(db: Database["db"], live: repo.NoticeRow, now: Date) {
  const note = "事项已恢复正常（按期推进或已完成），系统自动关闭";
  const status = nextNoticeStatus(live.status, "close");
  if (!status) return false;
  return db.transaction(async (tx) => {
    const row = await repo.updateNotice(
      tx,
      { tenantId: live.tenantId, id: live.id, version: live.version },
      { status, closedAt: now, closeNote: note },
    );
    if (!row) return false;
    await numberNotice(tx, row, now);
    await repo.insertNoticeEvent(tx, {
      tenantId: live.tenantId,
      noticeId: live.id,
      action: "auto_close",
      level: live.level,
      text: note,
      createdAt: now,
    });
    return true;
  });
}
