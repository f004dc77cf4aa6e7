import {
  notificationLinks,
  type ReportReviewInput,
  reportPermissions,
  reportTransitions,
} from "@duban/domain";
import { AppError } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { recordApprovedProgress } from "../assignments/index.js";
import { audit } from "../audit/index.js";
import { notify } from "../notifications/index.js";
import * as repo from "./reports.repository.js";
import { getReportDetail, toReports } from "./reports.service.js";

/** The message the slower of two simultaneous reviewers sees. */
const ALREADY_REVIEWED = "该反馈刚刚已被其他人审核，请刷新查看最新结果";

/**
 * The lead unit approves a submitted report, or returns it with a reason. Approval rolls the report's progress
 * up into its assignment and task. Of two reviewers acting at once, one wins and the other gets 409.
 */
export async function reviewReport(ctx: ServiceContext, id: string, input: ReportReviewInput) {
  const { row, assignment, node } = await getReportDetail(ctx, id);
  const report = row.report;
  authorize(reportPermissions(ctx.actor, report, { node }), "review", "只有牵头科室可以审核该反馈");
  const status = transition(reportTransitions, report.status, input.decision, (from) =>
    from === "draft" ? "该反馈尚未提交" : ALREADY_REVIEWED,
  );
  if (report.version !== input.version) throw new AppError("stale_version", ALREADY_REVIEWED);
  const approve = input.decision === "approve";
  const now = ctx.clock.now();
  const reviewed = await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateReport(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      {
        status,
        reviewedAt: now,
        reviewedBy: ctx.actor.userId,
        returnReason: approve ? null : (input.reason ?? null),
      },
    );
    if (!updated) throw new AppError("stale_version", ALREADY_REVIEWED);
    await repo.insertReportEvent(tx, {
      tenantId: ctx.actor.tenantId,
      reportId: id,
      action: approve ? "approve" : "return",
      reason: input.reason ?? null,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
    });
    if (approve) {
      const a = {
        tenantId: ctx.actor.tenantId,
        id: assignment.id,
        version: assignment.version,
        nodeId: assignment.nodeId,
      };
      if (!(await recordApprovedProgress(tx, a, report.progress)))
        throw new AppError("stale_version", "交办事项刚被修改，请刷新后重试");
    }
    // The one who reported hears the outcome; a report without a submitter (imported), its unit.
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      kind: approve ? "report.approved" : "report.returned",
      recipients: report.submittedBy ? { userIds: [report.submittedBy] } : { unitId: report.unitId },
      title: approve ? `${row.cycle.name}反馈已审核通过` : `${row.cycle.name}反馈被退回，请修改后重新提交`,
      body: approve ? `进度 ${report.progress}% 已计入任务` : `退回原因：${input.reason ?? ""}`,
      link: notificationLinks.report(assignment.id, id),
      entity: "report",
      entityId: id,
      dedupeKey: `report.reviewed:${id}:v${input.version}`,
      now,
    });
    await audit(ctx, tx, {
      action: approve ? "report.approve" : "report.return",
      entity: "report",
      entityId: id,
      summary: { unit: row.unitName, progress: report.progress, reason: input.reason ?? null },
    });
    return updated;
  });
  const [result] = await toReports(ctx, [{ ...row, report: reviewed }], node);
  return result!;
}
