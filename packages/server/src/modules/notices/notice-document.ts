import {
  type Light,
  lightColorNames,
  lightLabels,
  type NoticeLevel,
  noticeLevelLabels,
  shanghaiDate,
} from "@duban/domain";
import {
  buildOfficialDocument,
  chineseDate,
  type DocxFile,
  type OfficialTableCell,
} from "../../documents/index.js";
import type { ServiceContext } from "../../http/context.js";
import { findAssignmentDetail } from "../assignments/index.js";
import { findDocumentIssuer } from "../doc-numbers/index.js";
import { lightToday } from "../plans/index.js";
import { getNoticeDetail } from "./notices.service.js";

// Cell fills as offices print lights and 督办 levels.
const levelFills: Record<NoticeLevel, string> = { red: "FF0000", yellow: "FFFF00", blue: "00B0F0" };
const lightFills: Record<Light, string> = {
  red: "FF0000",
  yellow: "FFFF00",
  green: "00B050",
  grey: "BFBFBF",
  blue: "00B0F0",
};

/** The facts behind a notice as table rows (the unit is the 主送机关): task, level, today's progress and light, reason, deadline. */
async function factRows(ctx: ServiceContext, d: Awaited<ReturnType<typeof getNoticeDetail>>) {
  const n = d.notice;
  const rows: OfficialTableCell[][] = [
    ["督办任务", [d.node.label, d.node.title].filter(Boolean).join(" ")],
    ["督办等级", { text: noticeLevelLabels[n.level], shading: levelFills[n.level] }],
  ];
  const a = n.assignmentId
    ? await findAssignmentDetail(ctx.database.db, ctx.actor.tenantId, n.assignmentId)
    : null;
  if (a) {
    const due = a.assignment.dueDate ?? a.node.dueDate;
    const light = lightToday(
      {
        startDate: a.node.startDate,
        dueDate: due,
        progress: a.assignment.progress,
        done: a.assignment.progress >= 100 || a.node.status === "closed",
      },
      a.plan,
      ctx.clock.now(),
    );
    rows.push([
      "当前进展",
      `截至${chineseDate(shanghaiDate(ctx.clock.now()))}完成${a.assignment.progress}%${due ? `，时限${due}` : ""}`,
    ]);
    rows.push([
      "亮灯情况",
      { text: `${lightColorNames[light]}灯（${lightLabels[light]}）`, shading: lightFills[light] },
    ]);
  }
  rows.push(["督办事由", n.reason]);
  rows.push(["反馈时限", n.replyDue ? `${chineseDate(n.replyDue)}前` : "收到后及时反馈"]);
  return rows;
}

/** The one-page 督办通知单 of a notice the actor may see (404 otherwise), laid out to GB/T 9704. */
export async function buildNoticeDocument(ctx: ServiceContext, id: string): Promise<DocxFile> {
  const d = await getNoticeDetail(ctx, id);
  const n = d.notice;
  const issuer = await findDocumentIssuer(ctx.database.db, ctx.actor.tenantId);
  const date = shanghaiDate(n.createdAt);
  const deadline = n.replyDue ? `于${chineseDate(n.replyDue)}前` : "及时";
  const body = await buildOfficialDocument({
    issuerMark: issuer.office,
    documentNumber: n.documentNumber,
    title: "督办通知单",
    layout: "form",
    addressee: d.unitName,
    body: [
      {
        kind: "paragraph",
        text: `现对你单位承担的下列任务予以${noticeLevelLabels[n.level]}。`,
      },
      { kind: "table", header: ["事项", "内容"], widths: [1, 4], rows: await factRows(ctx, d) },
      {
        kind: "paragraph",
        text: `请认真研究、抓紧整改，${deadline}通过督办平台反馈整改措施、进展及佐证材料；逾期未反馈的，将予以通报。`,
      },
    ],
    signature: issuer.office,
    date,
  });
  const label = n.documentNumber ?? `督办通知单${id.slice(0, 8)}`;
  return { name: `${label}.docx`, asciiName: `notice-${id}.docx`, body };
}
