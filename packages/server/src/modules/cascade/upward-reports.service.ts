import {
  type Report,
  type UpwardCompose,
  type UpwardFileChoice,
  type UpwardReport,
  type UpwardReportPage,
  type UpwardReportQuery,
  upwardReportAbilities,
} from "@duban/domain";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { type FileRow, findFilesByIds, toFileRef } from "../evidence/index.js";
import { findNodeWithPlan, getPlanDetail } from "../plans/index.js";
import { findNodeReports } from "../reports/index.js";
import * as cascadeRepo from "./cascade.repository.js";
import { getReceivedRow } from "./cascade.service.js";
import { findInTree } from "./county-state.js";
import { assertReadsCascade } from "./rollup.service.js";
import { findTenantName } from "./tenants.repository.js";
import * as repo from "./upward-reports.repository.js";

/** The linked item's approved state on the subordinate's side: what an upward report starts from. */
export interface UpwardDraft {
  text: string;
  progress: number | null;
  light: UpwardReport["light"];
  files: UpwardFileChoice[];
}

/** Every approved report on a node, newest cycle first, as the actor reads them. */
async function approvedReports(ctx: ServiceContext, nodeId: string): Promise<Report[]> {
  const all: Report[] = [];
  for (let page = 1; ; page++) {
    const got = await findNodeReports(ctx, nodeId, { status: "approved", page, pageSize: 200 });
    all.push(...got.items);
    if (all.length >= got.total || got.items.length === 0) return all;
  }
}

/**
 * The draft of an upward report on an own node: its plan page's progress and light, a summary written from the
 * latest cycle's approved reports (one line per unit), and every approved report's evidence to choose from. A
 * draft, submitted or returned report gives nothing.
 */
export async function composeDraft(ctx: ServiceContext, nodeId: string): Promise<UpwardDraft> {
  const found = await findNodeWithPlan(ctx.database.db, ctx.actor.tenantId, nodeId);
  if (!found) return { text: "", progress: null, light: null, files: [] };
  const [plan, reports] = await Promise.all([
    getPlanDetail(ctx, found.plan.id),
    approvedReports(ctx, nodeId),
  ]);
  const node = findInTree(plan.nodes, nodeId);
  const latestCycle = reports[0]?.cycle.id;
  const text = reports
    .filter((r) => r.cycle.id === latestCycle && r.doneText.trim() !== "")
    .map((r) => `${r.unit.name}：${r.doneText.trim()}`)
    .join("\n");
  const seen = new Set<string>();
  const files = reports.flatMap((r) =>
    r.files
      .filter((f) => !seen.has(f.id) && seen.add(f.id))
      .map((f) => ({ ...f, report: { id: r.id, cycle: r.cycle.name, unit: r.unit.name } })),
  );
  return { text, progress: node?.progress ?? null, light: node?.light ?? null, files };
}

/** The API shape of upward reports of one county, with their files read in the county's tenant. */
export async function toUpwardReports(
  ctx: ServiceContext,
  county: { id: string; name: string },
  rows: repo.UpwardReportRow[],
): Promise<UpwardReport[]> {
  const files = await findFilesByIds(
    ctx.database.db,
    county.id,
    rows.flatMap((r) => r.fileIds),
  );
  const byId = new Map(files.map((f) => [f.id, f]));
  return rows.map((r) => ({
    id: r.id,
    tenant: county,
    version: r.version,
    text: r.text,
    progress: r.progress,
    light: r.light,
    files: r.fileIds.flatMap((id) => {
      const f = byId.get(id);
      return f ? [toFileRef(f)] : [];
    }),
    submittedAt: r.submittedAt.toISOString(),
  }));
}

/** `GET /api/cascade/inbox/:id/upward`: the subordinate's draft, its choosable files and what it sent. */
export async function getUpwardCompose(ctx: ServiceContext, id: string): Promise<UpwardCompose> {
  const row = await getReceivedRow(ctx, id);
  const { link } = row;
  const db = ctx.database.db;
  const [rows, name] = await Promise.all([
    repo.findLinkUpwardReports(db, ctx.actor.tenantId, id),
    findTenantName(db, ctx.actor.tenantId),
  ]);
  const linked = link.status === "linked" && link.nodeId !== null;
  return {
    draft: linked ? await composeDraft(ctx, link.nodeId!) : null,
    reports: await toUpwardReports(ctx, { id: ctx.actor.tenantId, name }, rows),
    version: rows[0]?.version ?? 0,
    abilities: upwardReportAbilities(ctx.actor, link),
  };
}

/** `GET /api/hand-downs/:id/upward-reports`: the counties' upward reports on one of the superior's hand-downs. */
export async function findHandDownUpwardReports(
  ctx: ServiceContext,
  handDownId: string,
  query: UpwardReportQuery,
): Promise<UpwardReportPage> {
  assertReadsCascade(ctx);
  const db = ctx.database.db;
  if (!(await cascadeRepo.findHandDown(db, ctx.actor.tenantId, handDownId))) throw notFound("下达任务");
  const { rows, total } = await repo.findHandDownUpwardPage(db, ctx.actor.tenantId, {
    handDownId,
    countyId: query.tenantId,
    page: query.page,
    pageSize: query.pageSize,
  });
  const counties = new Map(rows.map((r) => [r.tenant.id, r.tenant]));
  const shaped = new Map<string, UpwardReport>();
  for (const county of counties.values()) {
    const own = rows.filter((r) => r.tenant.id === county.id).map((r) => r.report);
    for (const u of await toUpwardReports(ctx, county, own)) shaped.set(u.id, u);
  }
  return {
    items: rows.map((r) => shaped.get(r.report.id)!),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: {},
  };
}

/**
 * A file attached to an upward report, for the superior that reaches the report from its own hand-down or for the
 * bureau that sent it. Any other file, even one of the same county, is not found: the report is the only way in.
 */
export async function getUpwardFile(ctx: ServiceContext, id: string, fileId: string): Promise<FileRow> {
  assertReadsCascade(ctx);
  const db = ctx.database.db;
  const report =
    (await repo.findUpwardForSuperior(db, ctx.actor.tenantId, id))?.report ??
    (await repo.findOwnUpward(db, ctx.actor.tenantId, id));
  if (!report?.fileIds.includes(fileId)) throw notFound("文件");
  const [file] = await findFilesByIds(db, report.tenantId, [fileId]);
  if (!file) throw notFound("文件");
  return file;
}
