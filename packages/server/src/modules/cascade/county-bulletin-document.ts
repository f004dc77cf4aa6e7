import {
  type CountyBulletinQuery,
  countyBulletinAddressee,
  countyBulletinTitle,
  draftCountyBulletin,
} from "@duban/domain";
import { buildOfficialDocument, type DocxFile } from "../../documents/index.js";
import type { ServiceContext } from "../../http/context.js";
import { findDocumentIssuer } from "../doc-numbers/index.js";
import { readCountyOverview } from "./county-overview.service.js";

/**
 * The 上级通报 (`GET /api/cascade/bulletin-document`): the superior bureau's 通报 on how its counties carry out
 * the items of one plan handed down to them, as a GB/T 9704 .docx from its 督查室 — the 县区总览's figures, a
 * ranked table with one row per county and the lagging counties by name. It stands for `asOf` (today, read live,
 * when left out; an earlier day from the counties' snapshots of it) and is dated that day. It carries no 文号 (it
 * is a generated text, not an issued 通报 of the bulletins register).
 */
export async function countyBulletinDocument(
  ctx: ServiceContext,
  query: CountyBulletinQuery,
): Promise<DocxFile> {
  const read = await readCountyOverview(ctx, query.planId, query.asOf);
  const issuer = await findDocumentIssuer(ctx.database.db, ctx.actor.tenantId);
  const input = {
    issuer: issuer.bureau,
    planTitle: read.plan.title,
    year: read.plan.year,
    asOf: read.day,
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
    date: read.day,
    printedBy: issuer.office,
    printedOn: read.day,
  });
  return { name: `${title}.docx`, asciiName: `cascade-bulletin-${read.day}.docx`, body };
}
