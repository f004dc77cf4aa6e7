import {
  canSeeAssignment,
  notificationLinks,
  type ReportReviewInput,
  reportPermissions,
  reportTransitions,
} from "@duban/domain";
import { AppError, notFound } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { notifyParams, planNotify } from "../notifications/index.js";
import { toReport } from "./reports.service.js";
import { findReportReviewContext, writeReview } from "./review-report.repository.js";

/** The message the slower of two simultaneous reviewers sees. */
const ALREADY_REVIEWED = "该反馈刚刚已被其他人审核，请刷新查看最新结果";

/**
 * The lead unit approves a submitted report, or returns it with a reason. Approval rolls the report's progress
 * up into its assignment and task. Of two reviewers acting at once, one wins and the other gets 409. One read
 * and one write: the answer is built from the read and what the write returns.
 */
export async function reviewReport(ctx: ServiceContext, id: string, input: ReportReviewInput) {
  const found = await findReportReviewContext(ctx.database.db, { tenantId: ctx.actor.tenantId, id });
  if (!found || !canSeeAssignment(ctx.actor, found.report)) throw notFound("反馈");
  const { report, cycle, node, assignment } = found;
  authorize(reportPermissions(ctx.actor, report, { node }), "review", "只有牵头科室可以审核该反馈");
  const status = transition(reportTransitions, report.status, input.decision, (from) =>
    from === "draft" ? "该反馈尚未提交" : ALREADY_REVIEWED,
  );
  if (report.version !== input.version) throw new AppError("stale_version", ALREADY_REVIEWED);
  const approve = input.decision === "approve";
  const now = ctx.clock.now();
  // The one who reported hears the outcome; a report without a submitter (imported), its unit.
  const notice = planNotify(
    {
      tenantId: ctx.actor.tenantId,
      kind: approve ? "report.approved" : "report.returned",
      recipients: report.submittedBy ? { userIds: [report.submittedBy] } : { unitId: report.unitId },
      title: approve ? `${cycle.name}反馈已审核通过` : `${cycle.name}反馈被退回，请修改后重新提交`,
      body: approve ? `进度 ${report.progress}% 已计入任务` : `退回原因：${input.reason ?? ""}`,
      link: notificationLinks.report(assignment.id, id),
      entity: "report",
      entityId: id,
      dedupeKey: `report.reviewed:${id}:v${input.version}`,
      now,
    },
    found.audience,
  );
  const reviewed = await writeReview(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    id,
    version: input.version,
    approve,
    status,
    returnReason: approve ? null : (input.reason ?? null),
    reason: input.reason ?? null,
    now,
    assignment: { id: assignment.id, version: assignment.version, progress: report.progress },
    actor: { id: ctx.actor.userId, name: ctx.actor.name, ip: ctx.ip },
    audit: {
      action: approve ? "report.approve" : "report.return",
      summary: { unit: found.unitName, progress: report.progress, reason: input.reason ?? null },
    },
    ...notifyParams(notice),
  });
  if (!reviewed.report) {
    if (!reviewed.assignmentHeld) throw new AppError("stale_version", "交办事项刚被修改，请刷新后重试");
    throw new AppError("stale_version", ALREADY_REVIEWED);
  }
  return toReport(ctx, { report: reviewed.report, cycle, unitName: found.unitName }, node, {
    values: found.values,
    files: found.files,
    events: reviewed.event ? [...found.events, reviewed.event] : found.events,
  });
}
