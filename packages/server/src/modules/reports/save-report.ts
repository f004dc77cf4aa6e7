import {
  assignmentPermissions,
  assignmentTransitions,
  indicatorValueProblem,
  isCycleOpen,
  notificationLinks,
  type ReportSaveInput,
  reportTransitions,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, staleVersion, uniqueViolation } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { getAssignment } from "../assignments/index.js";
import { audit } from "../audit/index.js";
import { findCycle } from "../cycles/index.js";
import { findAttachableFiles } from "../evidence/index.js";
import { notify } from "../notifications/index.js";
import { findIndicatorRules } from "../plans/index.js";
import * as repo from "./reports.repository.js";
import { toReport } from "./reports.service.js";

/** Checks who reports, on what, for which cycle; returns the cycle. */
async function assertCanReport(ctx: ServiceContext, assignmentId: string, input: ReportSaveInput) {
  const d = await getAssignment(ctx, assignmentId);
  // Only the assigned unit's own people file its report: bureau staff see it, but never write it.
  authorize(assignmentPermissions(ctx.actor, d.assignment, d), "report", "只能为本单位的交办事项填报");
  transition(assignmentTransitions, d.assignment.status, "report", "该交办已撤销，不能再填报");
  const cycle = await findCycle(ctx.database.db, ctx.actor.tenantId, input.cycleId);
  if (!cycle || cycle.planId !== d.assignment.planId)
    throw invalid([{ path: "cycleId", message: "填报周期不存在" }]);
  if (!isCycleOpen(cycle)) throw new AppError("conflict", `“${cycle.name}”的填报已关闭，不能再提交`);
  const allowed = new Set(d.indicatorIds);
  const issues = input.values.flatMap((v, i) =>
    allowed.has(v.indicatorId) ? [] : [{ path: `values.${i}.indicatorId`, message: "本单位不填报该指标" }],
  );
  if (issues.length) throw invalid(issues);
  await assertValuesInRange(ctx, input.values);
  const fileRows = await findAttachableFiles(ctx.database.db, ctx.actor, input.fileIds);
  return { d, cycle, fileRows };
}

/** Refuses a value outside its indicator's range (a percentage over 100, a negative or fractional count). */
async function assertValuesInRange(ctx: ServiceContext, values: ReportSaveInput["values"]) {
  const rules = new Map(
    (
      await findIndicatorRules(
        ctx.database.db,
        ctx.actor.tenantId,
        values.map((v) => v.indicatorId),
      )
    ).map((r) => [r.id, r]),
  );
  const issues = values.flatMap((v, i) => {
    const rule = rules.get(v.indicatorId);
    const problem = rule ? indicatorValueProblem(rule, v.value) : null;
    return problem ? [{ path: `values.${i}.value`, message: problem }] : [];
  });
  if (issues.length) throw invalid(issues);
}

/**
 * Saves this cycle's report on an assignment as a draft or submits it. A report can be changed while it is a
 * draft or was returned; a submission after the cycle's due date is accepted but marked late.
 */
export async function saveReport(ctx: ServiceContext, assignmentId: string, input: ReportSaveInput) {
  const { d, cycle, fileRows } = await assertCanReport(ctx, assignmentId, input);
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const existing = await repo.findCycleReport(db, ctx.actor.tenantId, assignmentId, cycle.id);
  // A report not written yet is a blank draft.
  const status = transition(
    reportTransitions,
    existing?.status ?? "draft",
    input.submit ? "submit" : "save",
    (from) => (from === "approved" ? "本期反馈已审核通过，不能修改" : "本期反馈已提交，正在等待审核"),
  );
  if (existing && input.version !== undefined && existing.version !== input.version) throw staleVersion();
  const fields = {
    status,
    progress: input.progress,
    doneText: input.doneText,
    problemsText: input.problemsText,
    nextText: input.nextText,
    ...(input.submit
      ? {
          submittedAt: now,
          submittedBy: ctx.actor.userId,
          late: shanghaiDate(now) > cycle.dueDate,
          returnReason: null,
        }
      : {}),
  };
  const saved = await db
    .transaction(async (tx) => {
      const row = existing
        ? await repo.updateReport(
            tx,
            { tenantId: ctx.actor.tenantId, id: existing.id, version: existing.version },
            fields,
          )
        : await repo.insertReport(tx, {
            tenantId: ctx.actor.tenantId,
            cycleId: cycle.id,
            assignmentId,
            unitId: d.assignment.unitId,
            ...fields,
          });
      if (!row) throw staleVersion();
      await repo.replaceReportItems(tx, row, {
        values: input.values,
        fileIds: input.fileIds,
        fresh: !existing,
      });
      let event: repo.ReportEventRow | null = null;
      if (input.submit) {
        const action = existing?.status === "returned" ? "resubmit" : "submit";
        event = await repo.insertReportEvent(tx, {
          tenantId: ctx.actor.tenantId,
          reportId: row.id,
          action,
          actorId: ctx.actor.userId,
          actorName: ctx.actor.name,
          snapshot: { progress: input.progress, values: input.values },
        });
        // The task's lead department reviews it.
        await notify(tx, {
          tenantId: ctx.actor.tenantId,
          kind: action === "resubmit" ? "report.resubmitted" : "report.submitted",
          recipients: d.node.leadUnitId
            ? { unitId: d.node.leadUnitId, roles: ["department"] }
            : { userIds: [] },
          title: `${d.unitName}${action === "resubmit" ? "重新提交" : "提交"}了${cycle.name}反馈，请审核：${d.node.title}`,
          body: `进度 ${input.progress}%`,
          link: notificationLinks.report(assignmentId, row.id),
          entity: "report",
          entityId: row.id,
          dedupeKey: `report.submitted:${row.id}:v${row.version}`,
          now,
        });
      }
      await audit(ctx, tx, {
        action: input.submit ? "report.submit" : "report.save_draft",
        entity: "report",
        entityId: row.id,
        summary: { progress: input.progress, cycle: cycle.name, late: row.late },
      });
      return { row, event };
    })
    .catch((err) => {
      // Two saves of a first report at once: the loser is told to reload, like any stale write.
      if (uniqueViolation(err)) throw staleVersion();
      throw err;
    });
  // The answer is built from what is at hand: the values and files just written, and the history (for a new
  // report, only the event just written), so the surge of first submissions reads nothing back.
  const events = existing
    ? await repo.findReportEvents(db, ctx.actor.tenantId, [saved.row.id])
    : saved.event
      ? [saved.event]
      : [];
  const byId = new Map(fileRows.map((f) => [f.id, f]));
  const report = toReport(ctx, { report: saved.row, cycle, unitName: d.unitName }, d.node, {
    values: input.values,
    files: [...new Set(input.fileIds)].flatMap((id) => byId.get(id) ?? []),
    events,
  });
  return { created: !existing, report };
}
