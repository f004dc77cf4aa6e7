import type { BulletinBlock } from "../schemas/bulletins.js";
import type { PlanSnapshot, SnapshotTask, SnapshotUnit } from "../snapshots.js";
import {
  againstExpected,
  chineseDate,
  countChange,
  figure,
  hasShortcoming,
  listOf,
  shortcomingsOf,
  shortcomingText,
  targetText,
  taskName,
  valueText,
} from "./bulletin-wording.js";
import { indicatorStatusLabels } from "./indicator-status.js";

/** What a draft needs besides the snapshots: the plan's title, the period, and names of units not in them. */
export interface BulletinDraftContext {
  planTitle: string;
  from: string;
  to: string;
  /** Names of units by id (lead departments), where the snapshot's unit list does not hold them. */
  unitNames?: Readonly<Record<string, string>>;
}

/** A drafted 通报: its body, and the units it names (told when it is issued, and allowed to read it). */
export interface BulletinDraft {
  content: BulletinBlock[];
  namedUnitIds: string[];
}

const h1 = (text: string): BulletinBlock => ({ type: "heading", level: 1, text });
const p = (text: string): BulletinBlock => ({ type: "paragraph", text });

/**
 * Drafts a 督查通报 from the plan's snapshot at the period's end and, when there is one, at its start, in the
 * bureau's usual six parts. Pure: the same snapshots always give the same text.
 */
export function draftBulletin(
  end: PlanSnapshot,
  start: PlanSnapshot | null,
  context: BulletinDraftContext,
): BulletinDraft {
  const names = new Map<string, string>(Object.entries(context.unitNames ?? {}));
  for (const unit of end.units) names.set(unit.unitId, unit.name);
  const honoured = honourRoll(end.units);
  const criticised = criticisedUnits(end.units);
  const content = [
    ...overallProgress(end, start, context),
    ...taskProgress(end, names),
    ...honourSection(honoured),
    ...criticismSection(criticised),
    ...indicatorSection(end),
    ...nextSteps(),
  ];
  const namedUnitIds = [...honoured, ...criticised].map((u) => u.unitId);
  return { content, namedUnitIds };
}

/** 一、总体进展: completion, counts by light, progress against 序时进度 and the change since the period began. */
function overallProgress(end: PlanSnapshot, start: PlanSnapshot | null, context: BulletinDraftContext) {
  const t = end.totals;
  const blocks = [
    h1("一、总体进展"),
    p(
      `截至${chineseDate(context.to)}，《${context.planTitle}》共${t.taskCount}项重点任务，` +
        `整体完成进度${figure(t.progress)}%，序时进度${figure(t.expectedProgress)}%，` +
        `${againstExpected(t.progress, t.expectedProgress)}。其中，已完成${t.tasks.blue}项，` +
        `正常推进${t.tasks.green}项，滞后${t.tasks.yellow}项，逾期${t.tasks.red}项，未开始${t.tasks.grey}项。`,
    ),
  ];
  if (!start) {
    blocks.push(p(`${chineseDate(context.from)}及以前暂无进度记录，本期不作比较。`));
    return blocks;
  }
  const s = start.totals;
  const gain = Math.round((t.progress - s.progress) * 10) / 10;
  const moved = gain > 0 ? `提高${figure(gain)}个百分点` : gain < 0 ? `下降${figure(-gain)}个百分点` : "持平";
  blocks.push(
    p(
      `与${chineseDate(start.day)}相比，整体进度${moved}（由${figure(s.progress)}%到${figure(t.progress)}%），` +
        `已完成任务${countChange(s.tasks.blue, t.tasks.blue)}，滞后任务${countChange(s.tasks.yellow, t.tasks.yellow)}，` +
        `逾期任务${countChange(s.tasks.red, t.tasks.red)}。`,
    ),
  );
  return blocks;
}

/** One red or yellow task in a sentence: its name, progress against 序时进度 and lead unit. */
function taskLine(task: SnapshotTask, names: Map<string, string>): string {
  const lead = task.leadUnitId ? names.get(task.leadUnitId) : undefined;
  const who = lead ? `，牵头单位${lead}` : "";
  return `${taskName(task)}（进度${figure(task.progress)}%，序时进度${figure(task.expectedProgress)}%${who}）`;
}

/** 二、重点任务推进情况: tasks by light with names; the red and yellow ones listed one by one. */
function taskProgress(end: PlanSnapshot, names: Map<string, string>): BulletinBlock[] {
  const byLight = (light: SnapshotTask["light"]) => end.tasks.filter((t) => t.light === light);
  const red = byLight("red");
  const yellow = byLight("yellow");
  const done = byLight("blue").map(taskName);
  const blocks: BulletinBlock[] = [h1("二、重点任务推进情况")];
  blocks.push(
    p(
      done.length > 0
        ? `已完成任务${done.length}项：${listOf(done)}。正常推进任务${byLight("green").length}项。`
        : `本期暂无已完成任务，正常推进任务${byLight("green").length}项。`,
    ),
  );
  blocks.push(
    p(
      red.length > 0
        ? `逾期未完成任务${red.length}项：${red.map((t) => taskLine(t, names)).join("；")}。`
        : "本期无逾期未完成任务。",
    ),
  );
  blocks.push(
    p(
      yellow.length > 0
        ? `进度滞后任务${yellow.length}项：${yellow.map((t) => taskLine(t, names)).join("；")}。`
        : "本期无进度滞后任务。",
    ),
  );
  return blocks;
}

/**
 * Units with reports due that sent all of them on time and had all of them approved, and have no open 督办单 or
 * overdue 整改. A day recorded before approvals were counted names no one: praise is not given on a guess.
 */
function honourRoll(units: readonly SnapshotUnit[]): SnapshotUnit[] {
  return units
    .filter(
      (u) => u.reports.due > 0 && u.reports.onTime === u.reports.due && u.reports.approved === u.reports.due,
    )
    .filter((u) => !hasShortcoming(shortcomingsOf(u)))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

/** Units with missing or late reports, open 督办单 or overdue 整改, the most missed reports first. */
function criticisedUnits(units: readonly SnapshotUnit[]): SnapshotUnit[] {
  const weight = (u: SnapshotUnit) => {
    const s = shortcomingsOf(u);
    return [s.missing, s.late, s.openNotices, s.overdueRectifications];
  };
  return units
    .filter((u) => hasShortcoming(shortcomingsOf(u)))
    .sort((a, b) => {
      const [wa, wb] = [weight(a), weight(b)];
      const i = wa.findIndex((x, k) => x !== wb[k]);
      return i >= 0 ? wb[i]! - wa[i]! : a.name.localeCompare(b.name, "zh-CN");
    });
}

/** 三、红榜. */
function honourSection(honoured: readonly SnapshotUnit[]): BulletinBlock[] {
  return [
    h1("三、红榜"),
    p(
      honoured.length > 0
        ? `以下${honoured.length}个单位按时报送全部工作进展且均已审核通过，无未办结督办单和逾期整改事项，予以通报表扬：` +
            `${listOf(honoured.map((u) => u.name))}。`
        : "本期暂无单位按时报送全部工作进展且均已审核通过、无未办结事项，红榜空缺。",
    ),
  ];
}

/** 四、通报批评: who, and for what, in a sentence and a table. */
function criticismSection(criticised: readonly SnapshotUnit[]): BulletinBlock[] {
  if (criticised.length === 0)
    return [h1("四、通报批评"), p("本期各单位均按时报送工作进展，无未办结督办单和逾期整改事项。")];
  const lines = criticised.map((u) => `${u.name}（${shortcomingText(shortcomingsOf(u))}）`);
  const rows = criticised.map((u, i) => {
    const s = shortcomingsOf(u);
    return [
      String(i + 1),
      u.name,
      String(s.missing),
      String(s.late),
      String(s.openNotices),
      String(s.overdueRectifications),
    ];
  });
  return [
    h1("四、通报批评"),
    p(
      `以下${criticised.length}个单位存在未按时报送工作进展、督办单未办结或整改逾期等问题，予以通报批评：` +
        `${lines.join("；")}。`,
    ),
    {
      type: "table",
      rows: [["序号", "单位", "未报送（次）", "迟报（次）", "未办结督办单（件）", "逾期整改（项）"], ...rows],
    },
  ];
}

/** 五、指标完成情况: each indicator's value against its target, with how many units reported it. */
function indicatorSection(end: PlanSnapshot): BulletinBlock[] {
  const all = end.indicators;
  if (all.length === 0) return [h1("五、指标完成情况"), p("本计划未设置量化指标。")];
  const count = (status: keyof typeof indicatorStatusLabels) => all.filter((i) => i.status === status).length;
  const rows = all.map((ind, i) => [
    String(i + 1),
    ind.name,
    targetText(ind),
    valueText(ind),
    indicatorStatusLabels[ind.status],
    `已报 ${ind.reported}/${ind.expected}`,
  ]);
  return [
    h1("五、指标完成情况"),
    p(
      `${all.length}项量化指标中，已达成${count("met")}项，进展正常${count("on_track")}项，` +
        `有风险${count("at_risk")}项，未达成${count("missed")}项，无数据${count("no_data")}项。` +
        "指标值以各责任单位已审核通过的报送为准，未全部报送的指标不认定为已达成。",
    ),
    { type: "table", rows: [["序号", "指标", "目标值", "当前值", "状态", "报送情况"], ...rows] },
  ];
}

/** 六、下步工作要求: the bureau's standing requirements. */
function nextSteps(): BulletinBlock[] {
  return [
    h1("六、下步工作要求"),
    p(
      "（一）对标对表，加快推进。各牵头单位要对照序时进度，对滞后、逾期任务逐项分析原因，" +
        "制定针对性措施，倒排工期，确保按期完成。",
    ),
    p("（二）按时报送，确保质量。各责任单位要严格按照填报周期如实报送工作进展，并上传佐证材料。"),
    p(
      "（三）闭环整改，限期销号。被通报批评的单位要在收到本通报后5个工作日内向督查室书面说明情况，" +
        "对未办结的督办单和逾期整改事项限期办结。",
    ),
  ];
}
