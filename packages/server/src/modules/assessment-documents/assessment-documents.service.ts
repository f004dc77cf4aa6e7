import {
  type AssessmentResultLine,
  assessmentNoticeTitle,
  assessmentStatusLabels,
  canReadAllAssessmentResults,
  draftAssessmentNotice,
  gradeText,
  resultsByCategory,
  shanghaiDate,
} from "@duban/domain";
import {
  buildOfficialDocument,
  buildOffThread,
  type DocxFile,
  documentBuilder,
} from "../../documents/index.js";
import { AppError, forbidden, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findPlan } from "../plans/index.js";
import * as repo from "./assessment-documents.repository.js";
import type { ResultsSheet } from "./results-workbook.js";

// Written in the document worker: a category of several hundred schools is thousands of styled cells.
const resultsWorkbook = documentBuilder<typeof import("./results-workbook.js"), "writeResultsWorkbook">(
  new URL("./results-workbook.js", import.meta.url),
  "writeResultsWorkbook",
);

/** A run whose whole table the actor may read, with its plan and results; 403 for a unit, 404 for another tenant's. */
async function loadRun(ctx: ServiceContext, id: string, refusal: string) {
  if (!canReadAllAssessmentResults(ctx.actor)) throw forbidden(refusal);
  const { db } = ctx.database;
  const run = await repo.findAssessmentRun(db, ctx.actor.tenantId, id);
  if (!run) throw notFound("考评");
  const plan = await findPlan(db, ctx.actor.tenantId, run.planId);
  if (!plan) throw notFound("计划");
  const results = await repo.findRunResults(db, ctx.actor.tenantId, id);
  return { run, plan: plan.plan, results };
}

/** The 备注 of a line: why the grade is what it is (a quota, a veto). */
function noteOf(r: repo.RunResultRow): string {
  const notes = [r.vetoed && !r.gradeNote?.includes("一票否决") ? "一票否决" : null, r.gradeNote];
  return notes.filter((n): n is string => !!n).join("；");
}

/** The scheme's categories as sheets: each item a column (scored items with their weight), units by rank. */
function sheetsOf(run: repo.AssessmentRunRow, results: repo.RunResultRow[]): ResultsSheet[] {
  return resultsByCategory(run.scheme, results).map(({ category, lines }) => ({
    label: category.label,
    items: category.items.map((item) =>
      item.kind === "manual" || item.kind === "veto" ? item.label : `${item.label}（${item.points}分）`,
    ),
    lines: lines.map((r) => ({
      rank: r.rank,
      unitName: r.unitName,
      points: category.items.map((item) => r.breakdown.find((b) => b.itemKey === item.key)?.points ?? null),
      total: r.total,
      grade: gradeText(r),
      note: noteOf(r),
    })),
  }));
}

/** A run's results table (.xlsx, a sheet per category), for the 督查室 and leaders, whatever the run's state. */
export async function exportAssessmentResults(ctx: ServiceContext, id: string) {
  const { run, plan, results } = await loadRun(ctx, id, "只有督查室和局领导可以导出全部考评结果");
  const body = await buildOffThread(resultsWorkbook, {
    planTitle: plan.title,
    asOf: run.asOf,
    statusLabel: assessmentStatusLabels[run.status],
    sheets: sheetsOf(run, results),
  });
  return { name: `${plan.title}考评结果-${run.asOf}.xlsx`, asciiName: `assessment-${run.asOf}.xlsx`, body };
}

/**
 * The 考评结果通报 (.docx, GB/T 9704) of a published or finalised run, dated the day it was finalised, else
 * published. A draft run's ranking may still change, so it has no 通报 (409).
 */
export async function assessmentNoticeDocument(ctx: ServiceContext, id: string): Promise<DocxFile> {
  const { run, plan, results } = await loadRun(ctx, id, "只有督查室和局领导可以下载考评结果通报");
  const issuedAt = run.finalisedAt ?? run.publishedAt;
  if (run.status === "draft" || !issuedAt)
    throw new AppError("conflict", "考评结果尚未发布，发布后才能生成考评结果通报");
  const office = `${plan.issuer ?? ""}督查室`;
  const date = shanghaiDate(issuedAt);
  const input = {
    planTitle: plan.title,
    year: plan.year,
    asOf: run.asOf,
    scheme: run.scheme,
    results: results satisfies AssessmentResultLine[],
  };
  const title = assessmentNoticeTitle(input);
  const body = await buildOfficialDocument({
    issuerMark: office,
    title,
    addressee: "各科室、各学校",
    body: draftAssessmentNotice(input),
    signature: office,
    date,
    printedBy: office,
    printedOn: date,
  });
  return { name: `${title}.docx`, asciiName: `assessment-notice-${plan.year}.docx`, body };
}
