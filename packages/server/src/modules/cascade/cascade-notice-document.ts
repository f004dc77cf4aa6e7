import { type NoticeLevel, noticeLevelLabels, shanghaiDate } from "@duban/domain";
import { buildOfficialDocument, chineseDate, type DocxFile } from "../../documents/index.js";
import type { ServiceContext } from "../../http/context.js";
import { findDocumentIssuer } from "../doc-numbers/index.js";
import type { NoticeRead } from "./cascade-notices.repository.js";
import { getIssuedRow, getReceivedNoticeRow } from "./cascade-notices.service.js";

// Cell fills as offices print 督办 levels (those of the unit 督办通知单).
const levelFills: Record<NoticeLevel, string> = { red: "FF0000", yellow: "FFFF00", blue: "00B0F0" };

/**
 * The 督办通知单 of a superior's notice, laid out to GB/T 9704: issued by the superior's 督查室 under its 文号, the
 * subordinate bureau as 主送机关. Both sides print the same document.
 */
async function documentOf(ctx: ServiceContext, row: NoticeRead): Promise<DocxFile> {
  const n = row.notice;
  const issuer = await findDocumentIssuer(ctx.database.db, n.tenantId);
  const body = await buildOfficialDocument({
    issuerMark: issuer.office,
    documentNumber: n.documentNumber,
    title: "督办通知单",
    layout: "form",
    addressee: row.to.name,
    body: [
      { kind: "paragraph", text: `现对你局承担的下列上级下达任务予以${noticeLevelLabels[n.level]}。` },
      {
        kind: "table",
        header: ["事项", "内容"],
        widths: [1, 4],
        rows: [
          ["督办任务", [row.item.label, row.item.title].filter(Boolean).join(" ")],
          ["督办等级", { text: noticeLevelLabels[n.level], shading: levelFills[n.level] }],
          ["督办事由", n.reason],
          ["反馈时限", `${chineseDate(n.replyDue)}前`],
        ],
      },
      {
        kind: "paragraph",
        text: `请认真研究、抓紧落实，于${chineseDate(n.replyDue)}前通过督办平台反馈办理情况和整改措施；逾期未反馈的，将予以通报。`,
      },
    ],
    signature: issuer.office,
    date: shanghaiDate(n.createdAt),
  });
  const label = n.documentNumber ?? `督办通知单${n.id.slice(0, 8)}`;
  return { name: `${label}.docx`, asciiName: `notice-${n.id}.docx`, body };
}

/** The document of a notice the actor's bureau issued (404 otherwise). */
export async function buildIssuedNoticeDocument(ctx: ServiceContext, id: string): Promise<DocxFile> {
  return documentOf(ctx, await getIssuedRow(ctx, id));
}

/** The document of a notice addressed to the actor's bureau, found through its link (404 otherwise). */
export async function buildReceivedNoticeDocument(ctx: ServiceContext, id: string): Promise<DocxFile> {
  return documentOf(ctx, await getReceivedNoticeRow(ctx, id));
}
