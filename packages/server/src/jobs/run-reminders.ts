import { roles as allRoles, shanghaiDate } from "@duban/domain";
import type { Database, DbOrTx } from "../db/client.js";
import { notifications } from "../db/schema.js";
import { enqueueMessage } from "../notify/enqueue.js";
import { type DueReminder, defaultReminderSettings, dueReminders } from "./reminder-rules.js";
import {
  claimReminder,
  findPeople,
  findUnreportedCycles,
  type UnreportedCycle,
} from "./reminders.repository.js";

/** What a reminder run sent. */
export interface ReminderCounts {
  sent: number;
  skipped: number;
}

/**
 * Sends today's 催办 reminders for every tenant. Each reminder is claimed in reminder_log inside the same
 * transaction that writes its notifications and queues its deliveries, so with any number of processes (and
 * across restarts) each goes out exactly once, and a crash mid-way leaves it unclaimed for the next run.
 */
export async function runReminders(deps: {
  database: Database;
  now: Date;
  /** Only this tenant's reminders; all tenants when absent. */
  tenantId?: string;
}): Promise<ReminderCounts> {
  const { database, now } = deps;
  const today = shanghaiDate(now);
  const counts: ReminderCounts = { sent: 0, skipped: 0 };
  for (const item of await findUnreportedCycles(database.db, deps.tenantId)) {
    const settings = {
      remindDaysBefore: item.remindDaysBefore ?? defaultReminderSettings.remindDaysBefore,
      escalateAfterDays: item.escalateAfterDays ?? defaultReminderSettings.escalateAfterDays,
      workdaysOnly: item.workdaysOnly ?? defaultReminderSettings.workdaysOnly,
    };
    for (const due of dueReminders({ today, dueDate: item.cycleDue, settings })) {
      const sent = await database.db.transaction(async (tx) => {
        const claim = { tenantId: item.tenantId, assignmentId: item.assignmentId, cycleId: item.cycleId };
        if (!(await claimReminder(tx, { ...claim, kind: due.key }))) return false;
        await deliver(tx, item, due, now);
        return true;
      });
      if (sent) counts.sent++;
      else counts.skipped++;
    }
  }
  return counts;
}

/** The unit's staff for plain reminders; its department or school users as its heads; or the supervisors. */
async function recipients(tx: DbOrTx, item: UnreportedCycle, due: DueReminder) {
  if (due.audience === "supervisor") return findPeople(tx, item.tenantId, ["supervisor"]);
  // Users carry no "head of unit" flag: every enabled department or school user of the unit stands for its head.
  const roles = due.audience === "head" ? ["department", "school"] : [...allRoles];
  return findPeople(tx, item.tenantId, roles, item.unitId);
}

/** Writes the bell notifications and queues the channel messages of one claimed reminder. */
async function deliver(tx: DbOrTx, item: UnreportedCycle, due: DueReminder, now: Date): Promise<void> {
  const message = messageOf(item, due);
  const people = await recipients(tx, item, due);
  if (people.length > 0)
    await tx.insert(notifications).values(
      people.map((p) => ({
        tenantId: item.tenantId,
        userId: p.id,
        kind: `reminder_${due.kind}`,
        title: message.title,
        body: message.text,
        link: `/assignments/${item.assignmentId}`,
        entity: "assignment",
        entityId: item.assignmentId,
      })),
    );
  await enqueueMessage(tx, {
    tenantId: item.tenantId,
    // The supervisors hear through the bureau's own robot, not the unit's group.
    unitId: due.audience === "supervisor" ? null : item.unitId,
    emails: people.flatMap((p) => (p.email ? [p.email] : [])),
    message,
    now,
  });
}

/** The reminder's words, in the register of a 催办 notice. */
export function messageOf(item: UnreportedCycle, due: DueReminder): { title: string; text: string } {
  const what = `「${item.nodeTitle}」${item.cycleName}进展反馈`;
  const when = `截止日期 ${item.cycleDue}`;
  switch (due.kind) {
    case "due_soon":
      return {
        title: `催办提醒：${what}即将到期`,
        text: `${item.unitName}：${what}将于 ${-due.daysLate} 天后到期（${when}），请及时填报。`,
      };
    case "due":
      return {
        title: `催办提醒：${what}今日到期`,
        text: `${item.unitName}：${what}今日到期，请于今日内填报。`,
      };
    case "overdue":
      return {
        title: `催办：${what}已逾期 ${due.daysLate} 天`,
        text: `${item.unitName}：${what}已逾期 ${due.daysLate} 天（${when}），请立即填报。`,
      };
    case "escalate_head":
      return {
        title: `督办升级：${what}逾期 ${due.daysLate} 天`,
        text: `${item.unitName}${what}已逾期 ${due.daysLate} 天仍未填报，请单位负责人督促落实。`,
      };
    default:
      return {
        title: `督办升级：${item.unitName}逾期未报`,
        text: `${item.unitName}${what}已逾期 ${due.daysLate} 天仍未填报，请督查人员跟进督办。`,
      };
  }
}
