import {
  notificationLinks,
  type UpwardReport,
  type UpwardReportCreateInput,
  upwardReportPermissions,
} from "@duban/domain";
import { AppError, invalid, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { notify } from "../notifications/index.js";
import { getReceivedRow } from "./cascade.service.js";
import { findTenantName } from "./tenants.repository.js";
import * as repo from "./upward-reports.repository.js";
import { composeDraft, toUpwardReports } from "./upward-reports.service.js";

/**
 * 向上报送: the subordinate's 督查室 sends its superior an upward report on a linked hand-down — its text, the
 * linked item's approved progress and light as they stand, and the files it chose among the item's approved
 * reports' evidence (any other file id is refused, so a draft's file never goes up). The version is the latest
 * report's the composer saw: a report sent meanwhile makes it stale (409). The superior's 督查室 are told.
 */
export async function submitUpwardReport(
  ctx: ServiceContext,
  id: string,
  input: UpwardReportCreateInput,
): Promise<UpwardReport> {
  const row = await getReceivedRow(ctx, id);
  authorize(upwardReportPermissions(ctx.actor), "submit", "只有督查室可以向上报送");
  const { link, handDown } = row;
  if (link.status !== "linked" || !link.nodeId)
    throw new AppError("conflict", "请先将该任务关联到本局的任务，再向上报送");
  const draft = await composeDraft(ctx, link.nodeId);
  const offered = new Set(draft.files.map((f) => f.id));
  for (const [n, fileId] of input.fileIds.entries())
    if (!offered.has(fileId))
      throw invalid([{ path: `fileIds.${n}`, message: "只能附上本任务审核通过的反馈中的佐证材料" }]);
  const tenantId = ctx.actor.tenantId;
  const name = await findTenantName(ctx.database.db, tenantId);
  const saved = await ctx.database.db.transaction(async (tx) => {
    if ((await repo.findLatestVersion(tx, tenantId, id)) !== input.version) throw staleVersion();
    const now = ctx.clock.now();
    const inserted = await repo.insertUpwardReport(tx, {
      tenantId,
      cascadeLinkId: id,
      version: input.version + 1,
      text: input.text,
      progress: draft.progress,
      light: draft.light,
      fileIds: input.fileIds,
      submittedBy: ctx.actor.userId,
      submittedAt: now,
    });
    // Another report with the same version was sent between the check and the insert.
    if (!inserted) throw staleVersion();
    await audit(ctx, tx, {
      action: "upward_report.submit",
      entity: "upward_report",
      entityId: inserted.id,
      summary: {
        to: row.from.name,
        handDown: handDown.title,
        version: inserted.version,
        files: input.fileIds.length,
      },
    });
    await notify(tx, {
      tenantId: link.fromTenantId,
      kind: "cascade.upward_report",
      recipients: { roles: ["supervisor"] },
      title: `${name}向上报送：${handDown.title}`,
      body: input.text.slice(0, 200),
      link: notificationLinks.handDown(handDown.id),
      entity: "hand_down",
      entityId: handDown.id,
      dedupeKey: `upward_report:${inserted.id}`,
      now,
    });
    return inserted;
  });
  const [shaped] = await toUpwardReports(ctx, { id: tenantId, name }, [saved]);
  return shaped!;
}
