import { type Role, shanghaiDate, workCalendarOf } from "@duban/domain";
import type { Database, DbOrTx } from "../db/client.js";
import { type CalendarLog, loadWorkCalendars } from "../modules/calendar/index.js";
import { GROUP_PUSH_AT, notify, type Recipients } from "../modules/notifications/index.js";
import { type DueReminder, dueReminders } from "./reminder-rules.js";
import { findReminderSubjects, type ReminderSubject } from "./reminder-subjects.js";
import {
  claimId,
  claimReminder,
  findClaimed,
  findTenantIds,
  type ReminderClaimKey,
} from "./reminders.repository.js";

/** What a reminder run sent. */
export interface ReminderCounts {
  sent: number;
  skipped: number;
}

/**
 * Sends today's 催办 reminders for every tenant, on the unreported cycles of assignments, the unfinished
 * assignments' own due dates and the unanswered 整改 items alike. Each reminder is claimed in reminder_log inside
 * the same transaction that writes its notifications and queues its deliveries, so with any number of processes
 * (and across restarts) each goes out exactly once, and a crash mid-way leaves it unclaimed for the next run.
 */
export async function runReminders(deps: {
  database: Database;
  now: Date;
  /** Only this tenant's reminders; all tenants when absent. */
  tenantId?: string;
  /** Where a year missing from a working-day calendar is reported, once. */
  log?: CalendarLog;
  /** Hears each slice of work as it starts, after a turn of the event loop (tests watch the slicing with it). */
  onSlice?: (size: number) => void;
}): Promise<ReminderCounts> {
  const { database, now } = deps;
  const today = shanghaiDate(now);
  const counts: ReminderCounts = { sent: 0, skipped: 0 };
  const subjects = await findReminderSubjects(database.db, today, deps.tenantId);
  // Every tenant's, not only those with something owed: a missing year is logged even on a quiet day.
  const tenantIds = deps.tenantId ? [deps.tenantId] : (await findTenantIds(database.db)).map((t) => t.id);
  const calendars = await loadWorkCalendars(database.db, tenantIds, {
    today,
    ...(deps.log ? { log: deps.log } : {}),
  });
  // The rules run over the subjects a slice at a time, and each send is a transaction of its own, with a turn of
  // the event loop between them: a tick at thousands of due assignments never holds the request thread for long.
  const due: Due[] = [];
  for (const slice of slices(subjects, REMINDER_SLICE)) {
    await nextTurn(deps.onSlice, slice.length);
    for (const subject of slice)
      for (const reminder of dueReminders({
        today,
        dueDate: subject.dueDate,
        settings: subject.settings,
        calendar: calendars.get(subject.tenantId) ?? workCalendarOf(),
      }))
        due.push({
          subject,
          reminder,
          claim: { ...subject.claim, tenantId: subject.tenantId, kind: claimKind(subject, reminder) },
        });
  }
  // Most of a day's runs find everything already sent: one read skips those without a transaction each.
  const claimed = await findClaimed(database.db, [...new Set(due.map((d) => d.claim.kind))], deps.tenantId);
  await nextTurn(deps.onSlice, 0);
  const owed = due.filter((d) => !claimed.has(claimId(d.claim)));
  const burst = bursts(owed);
  counts.skipped += due.length - owed.length;
  for (const { subject, reminder, claim } of owed) {
    await nextTurn(deps.onSlice, 1);
    const sent = await database.db.transaction(async (tx) => {
      if (!(await claimReminder(tx, claim))) return false;
      const grouped = burst.has(audienceKey(subject, reminder));
      await deliver(tx, subject, reminder, { now, dedupeKey: `reminder:${claimId(claim)}`, grouped });
      return true;
    });
    if (sent) counts.sent++;
    else counts.skipped++;
  }
  return counts;
}

/** One reminder owed for one subject, with the claim that sends it once. */
interface Due {
  subject: ReminderSubject;
  reminder: DueReminder;
  claim: ReminderClaimKey & { tenantId: string; kind: string };
}

/**
 * Most subjects whose rules run between two turns of the event loop: at 7 500 due assignments a tick is fifteen
 * short slices, not one long one, so requests arriving meanwhile are served between them.
 */
export const REMINDER_SLICE = 500;

/** The items in consecutive slices of at most `size`. */
function* slices<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Lets the event loop run (I/O, timers, other requests) before the next slice of work: `setImmediate`, not a
 * resolved promise, which would run before any of them. `onSlice` hears the size of the slice about to run.
 */
async function nextTurn(onSlice: ((size: number) => void) | undefined, size: number): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  onSlice?.(size);
}

/** The once-only kind of a reminder: its rule's key, and the due date it counts from where that can move. */
export function claimKind(subject: ReminderSubject, due: DueReminder): string {
  // The daily overdue key already names its day, so it stays once a day whatever the due date.
  return subject.keyedByDueDate && !due.key.startsWith("overdue:")
    ? `${due.key}@${subject.dueDate}`
    : due.key;
}

/** The unit's staff for plain reminders; its department or school users as its heads; or the supervisors. */
function recipients(subject: ReminderSubject, due: DueReminder): Recipients {
  if (due.audience === "supervisor") return { roles: ["supervisor"] };
  // Users carry no "head of unit" flag: every enabled department or school user of the unit stands for its head.
  const roles: Role[] | undefined = due.audience === "head" ? ["department", "school"] : undefined;
  return { unitId: subject.unitId, ...(roles ? { roles } : {}) };
}

/** Who a reminder goes to, as one key: the supervisors, or one unit. */
function audienceKey(subject: ReminderSubject, due: DueReminder): string {
  return `${subject.tenantId}|${due.audience === "supervisor" ? "supervisor" : subject.unitId}`;
}

/**
 * The audiences owed many reminders in this run (a plan published late in its year escalates dozens at once):
 * theirs are pushed as one grouped message at the end of the scheduler pass, not one push each.
 */
function bursts(due: { subject: ReminderSubject; reminder: DueReminder }[]): Set<string> {
  const counts = new Map<string, number>();
  for (const d of due) {
    const key = audienceKey(d.subject, d.reminder);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= GROUP_PUSH_AT).map(([key]) => key));
}

/** Writes the bell notifications and queues (or holds for grouping) the pushes of one claimed reminder. */
async function deliver(
  tx: DbOrTx,
  subject: ReminderSubject,
  due: DueReminder,
  options: { now: Date; dedupeKey: string; grouped: boolean },
): Promise<void> {
  const message = messageOf(subject, due);
  await notify(tx, {
    tenantId: subject.tenantId,
    kind: `reminder_${due.kind}`,
    recipients: recipients(subject, due),
    title: message.title,
    body: message.text,
    link: subject.link,
    entity: subject.entity,
    entityId: subject.entityId,
    // The supervisors hear through the bureau's own robot, not the unit's group.
    robotUnitId: due.audience === "supervisor" ? null : subject.unitId,
    ...options,
  });
}

/** The reminder's words, in the register of a 催办 notice. */
export function messageOf(subject: ReminderSubject, due: DueReminder): { title: string; text: string } {
  const { what, when, action, missing, lapse } = subject.wording;
  switch (due.kind) {
    case "due_soon":
      return {
        title: `催办提醒：${what}即将到期`,
        text: `${subject.unitName}：${what}将于 ${-due.daysLate} 天后到期（${when}），请及时${action}。`,
      };
    case "due":
      return {
        title: `催办提醒：${what}今日到期`,
        text: `${subject.unitName}：${what}今日到期，请于今日内${action}。`,
      };
    case "overdue":
      return {
        title: `催办：${what}已逾期 ${due.daysLate} 天`,
        text: `${subject.unitName}：${what}已逾期 ${due.daysLate} 天（${when}），请立即${action}。`,
      };
    case "escalate_head":
      return {
        title: `督办升级：${what}逾期 ${due.daysLate} 天`,
        text: `${subject.unitName}${what}已逾期 ${due.daysLate} 天仍未${missing}，请单位负责人督促落实。`,
      };
    default:
      return {
        title: `督办升级：${subject.unitName}${lapse}`,
        text: `${subject.unitName}${what}已逾期 ${due.daysLate} 天仍未${missing}，请督查人员跟进督办。`,
      };
  }
}
