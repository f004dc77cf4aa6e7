import {
  annualSummaryTitle,
  canDraftAnnualSummary,
  draftAnnualSummary,
  isRectificationLive,
  noticeStatusesAllowing,
  rectificationStatuses,
  type SummaryDocumentQuery,
  shanghaiDate,
} from "@duban/domain";
import { buildOfficialDocument, type DocxFile } from "../../documents/index.js";
import { forbidden } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { getPlanDetail } from "../plans/index.js";
import * as repo from "./summary-document.repository.js";

/** The instant a Shanghai calendar year starts (Shanghai keeps no daylight saving). */
const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/**
 * A plan's 年度工作总结 draft (.docx, GB/T 9704 page, no 版头, titled 初稿): the plan's structure, and under each
 * task the reports approved in the year, its indicators as the plan shows them today (computed ones included)
 * and what is still open. For the 督查室 and leaders; another tenant's plan is 404.
 */
export async function annualSummaryDocument(
  ctx: ServiceContext,
  planId: string,
  query: SummaryDocumentQuery,
): Promise<DocxFile> {
  if (!canDraftAnnualSummary(ctx.actor)) throw forbidden("只有督查室和局领导可以生成年度工作总结初稿");
  const plan = await getPlanDetail(ctx, planId);
  const year = query.year ?? plan.year;
  const { db } = ctx.database;
  const tenantId = ctx.actor.tenantId;
  // Upgrading applies exactly to the 督办单 still waiting for an answer or a decision.
  const liveNotices = noticeStatusesAllowing("upgrade");
  const [reports, notices, rectifications] = await Promise.all([
    repo.findApprovedReports(db, tenantId, planId, { from: yearStart(year), to: yearStart(year + 1) }),
    repo.findNoticesIn(db, tenantId, planId, liveNotices),
    repo.findTaskRectificationsIn(db, tenantId, planId, rectificationStatuses.filter(isRectificationLive)),
  ]);
  const input = {
    planTitle: plan.title,
    issuer: plan.issuer,
    year,
    nodes: plan.nodes,
    reports: reports.map((r) => ({ ...r, reviewedAt: r.reviewedAt?.toISOString() ?? "" })),
    notices,
    rectifications,
  };
  const title = annualSummaryTitle(input);
  const signature = plan.issuer ?? "督查室";
  const body = await buildOfficialDocument({
    layout: "draft",
    issuerMark: signature,
    title,
    body: draftAnnualSummary(input),
    signature,
    date: shanghaiDate(ctx.clock.now()),
  });
  return { name: `${title}.docx`, asciiName: `annual-summary-${year}-draft.docx`, body };
}
