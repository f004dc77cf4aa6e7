import { chineseDate, figure } from "./bulletin-wording.js";
import type { CountyOverviewFigures, CountyOverviewRow } from "./county-overview.js";
import { type DocumentBlock, paragraph, partHeading } from "./document-blocks.js";

/** What the superior's 通报 on its counties is written from: the 县区总览 of one plan on one day. */
export interface CountyBulletinInput {
  /** The superior bureau as it signs: "大连市教育局". */
  issuer: string;
  planTitle: string;
  year: number;
  /** The day the figures stand for, YYYY-MM-DD. */
  asOf: string;
  rows: readonly CountyOverviewRow[];
  totals: CountyOverviewFigures;
}

/** A 教育厅 is a province's: it speaks of 全省 and addresses its cities; a city's 教育局 of 全市 and its counties. */
function regionOf(issuer: string): { whole: string; below: string } {
  return issuer.endsWith("教育厅")
    ? { whole: "全省", below: "各市教育局" }
    : { whole: "全市", below: "各县（市、区）教育局" };
}

/** The 上级通报's title: "关于全市教育系统2023年工作要点下达任务推进情况的通报". */
export function countyBulletinTitle(input: Pick<CountyBulletinInput, "issuer" | "year">): string {
  return `关于${regionOf(input.issuer).whole}教育系统${input.year}年工作要点下达任务推进情况的通报`;
}

/** The 主送机关 of the 上级通报: the bureaus directly below the issuer. */
export function countyBulletinAddressee(issuer: string): string {
  return regionOf(issuer).below;
}

/** 按期推进: on track, counting items whose window has not opened yet（未开始）as on schedule. */
const onTrack = (f: CountyOverviewFigures) => f.lights.green + f.lights.grey;

const tableHeader = ["排名", "单位", "下达任务数", "已关联", "已完成", "按期推进", "滞后", "逾期", "进度"];

function tableRow(first: string, name: string, f: CountyOverviewFigures): string[] {
  return [
    first,
    name,
    String(f.handedDown),
    String(f.linked),
    String(f.lights.blue),
    String(onTrack(f)),
    String(f.lights.yellow),
    String(f.overdue),
    `${figure(f.progress)}%`,
  ];
}

function overall(input: CountyBulletinInput): string {
  const t = input.totals;
  const covered = t.coverage.expected > 0 ? `，指标已报${t.coverage.reported}/${t.coverage.expected}项` : "";
  return (
    `截至${chineseDate(input.asOf)}，${input.issuer}《${input.planTitle}》共向${input.rows.length}个单位下达任务` +
    `${t.handedDown}项次，其中已关联${t.linked}项次、待接收${t.pending}项次、已退回${t.returned}项次。` +
    `已关联任务中已完成${t.lights.blue}项、按期推进${onTrack(t)}项、滞后${t.lights.yellow}项；` +
    `逾期${t.overdue}项（含超过完成时限仍未接收的任务）。平均进度${figure(t.progress)}%` +
    `（各项任务权重均按1计，未关联的任务按0计）${covered}。`
  );
}

/** The counties to name: those with lagging or overdue items, then those that have not received everything. */
function named(rows: readonly CountyOverviewRow[]): DocumentBlock[] {
  const lagging = rows.filter((r) => r.overdue > 0 || r.lights.yellow > 0);
  const waiting = rows.filter((r) => r.pending > 0);
  const parts = (r: CountyOverviewRow) =>
    [r.overdue > 0 ? `逾期${r.overdue}项` : "", r.lights.yellow > 0 ? `滞后${r.lights.yellow}项` : ""]
      .filter(Boolean)
      .join("、");
  const blocks: DocumentBlock[] = [
    paragraph(
      lagging.length === 0
        ? "各单位下达任务均按期推进，无滞后、逾期任务。"
        : `存在滞后、逾期任务的单位：${lagging.map((r) => `${r.tenant.name}（${parts(r)}）`).join("、")}。`,
    ),
  ];
  if (waiting.length > 0)
    blocks.push(
      paragraph(
        `尚有下达任务未接收的单位：${waiting.map((r) => `${r.tenant.name}（${r.pending}项）`).join("、")}。`,
      ),
    );
  return blocks;
}

/**
 * The body of the superior's 通报 on its counties（上级通报）: the overall figures, a ranked table with one row per
 * county (下达任务数, 已关联, 已完成/按期推进/滞后/逾期, 进度) and a 合计 row, the counties with lagging or overdue
 * items by name, and what is required next. Pure: the same overview always gives the same text.
 */
export function draftCountyBulletin(input: CountyBulletinInput): DocumentBlock[] {
  if (input.rows.length === 0)
    return [paragraph(`截至${chineseDate(input.asOf)}，《${input.planTitle}》尚未向下级单位下达任务。`)];
  return [
    partHeading(1, "总体情况"),
    paragraph(overall(input)),
    partHeading(2, "各单位推进情况"),
    {
      kind: "table",
      header: tableHeader,
      rows: [
        ...input.rows.map((r) => tableRow(String(r.rank), r.tenant.name, r)),
        tableRow("", "合计", input.totals),
      ],
      widths: [3, 10, 4, 4, 4, 4, 3, 3, 4],
    },
    partHeading(3, "需要关注的单位"),
    ...named(input.rows),
    partHeading(4, "下步工作要求"),
    paragraph(
      "请各单位对照下达任务，及时接收并关联本单位工作要点中的相应任务，按时报送进展。存在滞后、逾期任务的单位要" +
        "认真分析原因，制定整改措施，确保按期完成；对退回的任务，请与上级督查室沟通说明情况。",
    ),
  ];
}
