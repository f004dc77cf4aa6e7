import {
  type CountyBulletinQuery,
  countyBulletinAddressee,
  countyBulletinTitle,
  draftCountyBulletin,
} from "@duban/domain";
import { buildOfficialDocument, type DocxFile } from "../../documents/index.js";
import { invalid } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findDocumentIssuer } from "../doc-numbers/index.js";
import { readCountyOverview } from "./county-overview.service.js";

/**
 * The 上级通报 (`GET /api/cascade/bulletin-document`): the superior bureau's 通报 on how its counties carry out
 * the items of one plan handed down to them, as a GB/T 9704 .docx from its 督查室 — the 县区总览's figures, a
 * ranked table with one row per county and the lagging counties by name. The figures are read live, so it stands
 * for today: another day is refused rather than printed with today's figures under its date. It carries no 文号
 * (it is a generated text, not an issued 通报 of the bulletins register).
 */
export async function countyBulletinDocument(
  ctx: ServiceContext,
  query: CountyBulletinQuery,
): Promise<DocxFile> {
  const read = await readCountyOverview(ctx, query.planId);
  if (query.asOf !== undefined && query.asOf !== read.today)
    throw invalid([
      { path: "asOf", message: `上级通报按当天的数据生成，请选择今天（${read.today}）或不填日期` },
    ]);
  const issuer = await findDocumentIssuer(ctx.database.db, ctx.actor.tenantId);
  const input = {
    issuer: issuer.bureau,
    planTitle: read.plan.title,
    year: read.plan.year,
    asOf: read.today,
    rows: read.overview.rows,
    totals: read.overview.totals,
  };
  const title = countyBulletinTitle(input);
  const body = await buildOfficialDocument({
    issuerMark: issuer.office,
    title,
    addressee: countyBulletinAddressee(issuer.bureau),
    body: draftCountyBulletin(input),
    signature: issuer.office,
    date: read.today,
    printedBy: issuer.office,
    printedOn: read.today,
  });
  return { name: `${title}.docx`, asciiName: `cascade-bulletin-${read.today}.docx`, body };
}
