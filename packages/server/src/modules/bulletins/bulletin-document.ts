import type { BulletinBlock } from "@duban/domain";
import { shanghaiDate } from "@duban/domain";
import { buildOfficialDocument, type DocxFile, type OfficialBodyBlock } from "../../documents/index.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findPlan } from "../plans/index.js";
import { getBulletinRow } from "./bulletins.service.js";

/** The builder's blocks of a bulletin's body: a table's first row is its header. */
export function officialBody(content: readonly BulletinBlock[]): OfficialBodyBlock[] {
  return content.map((b): OfficialBodyBlock => {
    if (b.type === "heading") return { kind: "heading", level: b.level, text: b.text };
    if (b.type === "paragraph") return { kind: "paragraph", text: b.text };
    const [header = [], ...rows] = b.rows;
    return { kind: "table", header, rows };
  });
}

/**
 * A bulletin as a GB/T 9704 .docx. An issued one carries its 文号 and issue date; a draft downloads too, for
 * proof-reading, with "（草稿）" before its title and no 文号, so it cannot pass for the issued text.
 */
export async function bulletinDocument(ctx: ServiceContext, id: string): Promise<DocxFile> {
  const { bulletin: b } = await getBulletinRow(ctx, id);
  const plan = await findPlan(ctx.database.db, ctx.actor.tenantId, b.planId);
  if (!plan) throw notFound("计划");
  const office = `${plan.plan.issuer ?? ""}督查室`;
  const issued = b.status === "issued";
  const date = shanghaiDate(b.issuedAt ?? ctx.clock.now());
  const title = issued ? b.title : `（草稿）${b.title}`;
  const body = await buildOfficialDocument({
    issuerMark: office,
    documentNumber: b.number,
    title,
    addressee: "各科室、各学校",
    body: officialBody(b.content),
    signature: office,
    date,
    printedBy: office,
    printedOn: date,
  });
  return {
    name: issued ? `${b.number}${b.title}.docx` : `${b.title}（草稿）.docx`,
    asciiName: issued ? `bulletin-${b.seq}.docx` : "bulletin-draft.docx",
    body,
  };
}
