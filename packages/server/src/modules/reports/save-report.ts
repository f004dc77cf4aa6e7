import { randomUUID } from "node:crypto";
import {
  assignmentPermissions,
  assignmentTransitions,
  canSeeAssignment,
  indicatorValueProblem,
  isCycleOpen,
  notificationLinks,
  type ReportSaveInput,
  reportTransitions,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, notFound, staleVersion, uniqueViolation } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { assertAttachable, type FileRow } from "../evidence/index.js";
import { notifyParams, planNotify } from "../notifications/index.js";
import { toReport } from "./reports.service.js";
import { findReportSaveContext, type ReportSaveContext, writeReport } from "./save-report.repository.js";

/** Checks who reports, on what, for which cycle, all against one read; returns what the save goes on with. */
async function assertCanReport(ctx: ServiceContext, assignmentId: string, input: ReportSaveInput) {
  const d = await findReportSaveContext(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    assignmentId,
    cycleId: input.cycleId,
    indicatorIds: input.values.map((v) => v.indicatorId),
    fileIds: input.fileIds,
  });
  if (!d || !canSeeAssignment(ctx.actor, d.assignment)) throw notFound("交办事项");
  // Only the assigned unit's own people file its report: bureau staff see it, but never write it.
  authorize(assignmentPermissions(ctx.actor, d.assignment, d), "report", "只能为本单位的交办事项填报");
  transition(assignmentTransitions, d.assignment.status, "report", "该交办已撤销，不能再填报");
  const cycle = d.cycle;
  if (!cycle || cycle.planId !== d.assignment.planId)
    throw invalid([{ path: "cycleId", message: "填报周期不存在" }]);
  if (!isCycleOpen(cycle)) throw new AppError("conflict", `“${cycle.name}”的填报已关闭，不能再提交`);
  const allowed = new Set(d.indicatorIds);
  const issues = input.values.flatMap((v, i) =>
    allowed.has(v.indicatorId) ? [] : [{ path: `values.${i}.indicatorId`, message: "本单位不填报该指标" }],
  );
  if (issues.length) throw invalid(issues);
  assertValuesInRange(d, input.values);
  const fileRows = assertAttachable(ctx.actor, input.fileIds, d.files);
  return { d, cycle, fileRows };
}

/** Refuses a value outside its indicator's range (a percentage over 100, a negative or fractional count). */
function assertValuesInRange(d: ReportSaveContext, values: ReportSaveInput["values"]) {
  const rules = new Map(d.rules.map((r) => [r.id, r]));
  const issues = values.flatMap((v, i) => {
    const rule = rules.get(v.indicatorId);
    const problem = rule ? indicatorValueProblem(rule, v.value) : null;
    return problem ? [{ path: `values.${i}.value`, message: problem }] : [];
  });
  if (issues.length) throw invalid(issues);
}

/** A save checked against what is stored, not written yet (`checkReportSave`). */
export type CheckedReportSave = Awaited<ReturnType<typeof checkReportSave>>;

/**
 * Checks a save of this cycle's report on an assignment, against one read, before anything is written: who
 * reports, on what, for which cycle, with which values and files, and whether the report may change (a draft or
 * a returned one, at the version the client saw).
 */
export async function checkReportSave(ctx: ServiceContext, assignmentId: string, input: ReportSaveInput) {
  const { d, cycle, fileRows } = await assertCanReport(ctx, assignmentId, input);
  const existing = d.existing;
  // A report not written yet is a blank draft.
  const status = transition(
    reportTransitions,
    existing?.status ?? "draft",
    input.submit ? "submit" : "save",
    (from) => (from === "approved" ? "本期反馈已审核通过，不能修改" : "本期反馈已提交，正在等待审核"),
  );
  if (existing && input.version !== undefined && existing.version !== input.version) throw staleVersion();
  return { assignmentId, input, d, cycle, fileRows, status };
}

/**
 * Saves this cycle's report on an assignment as a draft or submits it. A report can be changed while it is a
 * draft or was returned; a submission after the cycle's due date is accepted but marked late.
 */
export async function saveReport(ctx: ServiceContext, assignmentId: string, input: ReportSaveInput) {
  return writeReportSave(ctx, await checkReportSave(ctx, assignmentId, input));
}

/**
 * Writes a checked save, with `added` files (recorded since the check, the actor's own) attached beside those
 * the input names.
 */
export async function writeReportSave(
  ctx: ServiceContext,
  checked: CheckedReportSave,
  added: FileRow[] = [],
) {
  const { assignmentId, d, cycle, status } = checked;
  const input = { ...checked.input, fileIds: [...checked.input.fileIds, ...added.map((f) => f.id)] };
  const fileRows = [...checked.fileRows, ...added];
  const now = ctx.clock.now();
  const existing = d.existing;
  const id = existing?.id ?? randomUUID();
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
      : {
          // A draft keeps what the last submission set (the version check makes these the stored values).
          submittedAt: existing?.submittedAt ?? null,
          submittedBy: existing?.submittedBy ?? null,
          late: existing?.late ?? false,
          returnReason: existing?.returnReason ?? null,
        }),
  };
  const action = existing?.status === "returned" ? "resubmit" : "submit";
  // The task's lead department reviews it.
  const notice = input.submit
    ? planNotify(
        {
          tenantId: ctx.actor.tenantId,
          kind: action === "resubmit" ? "report.resubmitted" : "report.submitted",
          recipients: d.node.leadUnitId
            ? { unitId: d.node.leadUnitId, roles: ["department"] }
            : { userIds: [] },
          title: `${d.unitName}${action === "resubmit" ? "重新提交" : "提交"}了${cycle.name}反馈，请审核：${d.node.title}`,
          body: `进度 ${input.progress}%`,
          link: notificationLinks.report(assignmentId, id),
          entity: "report",
          entityId: id,
          dedupeKey: `report.submitted:${id}:v${existing ? existing.version + 1 : 0}`,
          now,
        },
        d.node.leadUnitId ? d.audience : { people: [], settings: [] },
      )
    : { notifications: [], deliveries: [] };
  const saved = await writeReport(ctx.database.db, {
    id,
    tenantId: ctx.actor.tenantId,
    cycleId: cycle.id,
    assignmentId,
    unitId: d.assignment.unitId,
    fields,
    version: existing ? existing.version : null,
    values: input.values,
    fileIds: input.fileIds,
    event: input.submit ? { action, snapshot: { progress: input.progress, values: input.values } } : null,
    actor: { id: ctx.actor.userId, name: ctx.actor.name, ip: ctx.ip },
    audit: {
      action: input.submit ? "report.submit" : "report.save_draft",
      summary: { progress: input.progress, cycle: cycle.name, late: fields.late },
    },
    ...notifyParams(notice),
  }).catch((err) => {
    // Two saves of a first report at once: the loser is told to reload, like any stale write.
    if (uniqueViolation(err)) throw staleVersion();
    throw err;
  });
  if (!saved) throw staleVersion();
  // The answer is built from what is at hand: the values and files just written, and the history read with
  // the checks plus the entry just written, so the surge of first submissions reads nothing back.
  const events = saved.event ? [...d.events, saved.event] : d.events;
  const byId = new Map(fileRows.map((f) => [f.id, f]));
  const report = toReport(
    ctx,
    { report: saved.report, cycle, unitName: d.unitName },
    { leadUnitId: d.node.leadUnitId },
    {
      values: input.values,
      files: [...new Set(input.fileIds)].flatMap((fid) => byId.get(fid) ?? []),
      events,
    },
  );
  return { created: !existing, report };
}
