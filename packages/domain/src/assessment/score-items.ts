import { daysBetween } from "../rules/calendar.js";
import { clamp, fromHundredths, percentText, pointsSuffix, pointsText, toHundredths } from "./points.js";
import {
  type AssessmentFact,
  type AssessmentFactLink,
  type AssignmentFact,
  defaultMissingReportPenalty,
  type IndicatorFact,
  type ManualEntryFact,
  type NoticeFact,
  type RectificationFact,
  type ReportFact,
  type ReportingItem,
  type SupervisionItem,
  type TaskCompletionItem,
} from "./types.js";

/** An item's score in hundredths with the facts that explain it; the facts' points add up to `hundredths`. */
export interface ItemScore {
  hundredths: number;
  facts: AssessmentFact[];
}

/** A fact line; `hundredths` given → it carries points. */
export function fact(text: string, hundredths?: number, link?: AssessmentFactLink): AssessmentFact {
  return {
    text,
    ...(hundredths === undefined ? {} : { points: fromHundredths(hundredths) }),
    ...(link ? { link } : {}),
  };
}

/** Full points because the unit has nothing the item looks at. */
function nothingToScore(max: number, why: string): ItemScore {
  return { hundredths: max, facts: [fact(`${why}，得满分 ${pointsText(max)} 分`, max)] };
}

/** Stops a score at 0: the last fact gives back what went below 0, so the facts still add up to the score. */
function floored(hundredths: number, facts: AssessmentFact[]): ItemScore {
  if (hundredths >= 0) return { hundredths, facts };
  const back = fact(`扣分以本项分值为限，本项计 0 分${pointsSuffix(-hundredths)}`, -hundredths);
  return { hundredths: 0, facts: [...facts, back] };
}

/** Starts from `max` and takes the listed deductions (`taken` in all), stopping at 0. */
const deduct = (max: number, lines: AssessmentFact[], taken: number): ItemScore =>
  floored(max - taken, [fact(`基础分 ${pointsText(max)} 分`, max), ...lines]);

const lightNames = { green: "绿灯", yellow: "黄灯", red: "红灯", grey: "未启动" } as const;

/** "任务 3「标题」" or "任务「标题」". */
export const taskName = (a: AssignmentFact): string =>
  a.taskCode ? `任务 ${a.taskCode}「${a.taskTitle}」` : `任务「${a.taskTitle}」`;

/** 任务完成: weighted mean progress times the item's points, less the red and yellow penalties, floored at 0. */
export function scoreTaskCompletion(
  item: TaskCompletionItem,
  max: number,
  assignments: AssignmentFact[],
): ItemScore {
  if (assignments.length === 0) return nothingToScore(max, "本年度无交办任务");
  const weights = assignments.reduce((sum, a) => sum + a.weight, 0);
  const weighted = assignments.reduce((sum, a) => sum + a.weight * a.progress, 0);
  const mean = weighted / weights / 100;
  const base = Math.round((max * weighted) / weights / 100);
  const facts = [
    fact(
      `${assignments.length} 项任务加权平均进度 ${percentText(mean)}，${pointsText(max)} × ${percentText(mean)} = ${pointsText(base)} 分`,
      base,
    ),
  ];
  const penalties = { red: toHundredths(item.redPenalty), yellow: toHundredths(item.yellowPenalty) };
  let taken = 0;
  for (const a of assignments) {
    const text = `${taskName(a)}进度 ${a.progress}%，权重 ${a.weight}，${lightNames[a.light]}`;
    const link = { kind: "assignment", id: a.assignmentId } as const;
    const penalty = a.light === "red" || a.light === "yellow" ? penalties[a.light] : 0;
    taken += penalty;
    facts.push(
      penalty > 0 ? fact(`${text}${pointsSuffix(-penalty)}`, -penalty, link) : fact(text, undefined, link),
    );
  }
  return floored(base - taken, facts);
}

/** How a report was sent: on time (by its due day), late, or missing. */
export function reportTiming(report: ReportFact): "on_time" | "late" | "missing" {
  if (report.submittedOn === undefined) return "missing";
  return report.submittedOn <= report.dueDate ? "on_time" : "late";
}

/** 报送纪律: a deduction per missing and per late report, floored at 0. */
export function scoreReporting(item: ReportingItem, max: number, reports: ReportFact[]): ItemScore {
  if (reports.length === 0) return nothingToScore(max, "本年度无应报反馈");
  const missing = toHundredths(item.missingPenalty ?? defaultMissingReportPenalty);
  const late = Math.round(missing * (1 - item.lateCredit));
  const count = { on_time: 0, late: 0, missing: 0 };
  const lines: AssessmentFact[] = [];
  let taken = 0;
  for (const report of reports) {
    const timing = reportTiming(report);
    count[timing]++;
    const link = report.reportId ? ({ kind: "report", id: report.reportId } as const) : undefined;
    if (timing === "late") {
      const days = daysBetween(report.dueDate, report.submittedOn as string);
      lines.push(
        fact(
          `「${report.cycleName}」迟报 ${days} 天（${report.dueDate} 截止）${pointsSuffix(-late)}`,
          -late,
          link,
        ),
      );
      taken += late;
    } else if (timing === "missing") {
      lines.push(
        fact(
          `「${report.cycleName}」缺报（${report.dueDate} 截止）${pointsSuffix(-missing)}`,
          -missing,
          link,
        ),
      );
      taken += missing;
    }
  }
  lines.unshift(
    fact(
      `应报 ${reports.length} 次：按时 ${count.on_time} 次，迟报 ${count.late} 次，缺报 ${count.missing} 次`,
    ),
  );
  return deduct(max, lines, taken);
}

const levelNames = { blue: "蓝色", yellow: "黄色", red: "红色" } as const;

/** 督办响应: deductions per 督办单 by colour, late or missing reply, and a returned reply; floored at 0. */
export function scoreSupervision(
  item: SupervisionItem,
  max: number,
  notices: NoticeFact[],
  asOf: string,
): ItemScore {
  if (notices.length === 0) return nothingToScore(max, "本年度未收到督办单");
  const lateReply = toHundredths(item.lateReplyPenalty);
  const returned = toHundredths(item.notFirstTimePenalty);
  const lines: AssessmentFact[] = [];
  let taken = 0;
  const add = (text: string, hundredths: number, id: string) => {
    lines.push(fact(`${text}${pointsSuffix(-hundredths)}`, -hundredths, { kind: "notice", id }));
    taken += hundredths;
  };
  for (const notice of notices) {
    const name = `督办单 ${notice.code}`;
    add(
      `收到${levelNames[notice.level]}${name}`,
      toHundredths(item.levelPenalty[notice.level]),
      notice.noticeId,
    );
    if (notice.firstRepliedOn !== undefined && notice.firstRepliedOn > notice.replyDue)
      add(
        `${name} 逾期回复（${notice.replyDue} 截止，${notice.firstRepliedOn} 回复）`,
        lateReply,
        notice.noticeId,
      );
    if (notice.firstRepliedOn === undefined && notice.replyDue < asOf)
      add(`${name} 逾期未回复（${notice.replyDue} 截止）`, lateReply, notice.noticeId);
    if (notice.firstRepliedOn !== undefined && !notice.acceptedAtFirstReply)
      add(`${name} 回复被退回重办`, returned, notice.noticeId);
  }
  return deduct(max, lines, taken);
}

/** A share of the item's points: `max × met / of`, rounded to hundredths, with a summary line first. */
function share(max: number, met: number, of: number, summary: string, lines: AssessmentFact[]): ItemScore {
  const hundredths = Math.round((max * met) / of);
  const text = `${summary}，${pointsText(max)} × ${met}/${of} = ${pointsText(hundredths)} 分`;
  return { hundredths, facts: [fact(text, hundredths), ...lines] };
}

/** 整改落实: the share of due items closed（销号）by their due day. */
export function scoreRectification(max: number, items: RectificationFact[]): ItemScore {
  if (items.length === 0) return nothingToScore(max, "本年度无到期整改事项");
  let onTime = 0;
  const lines = items.map((r) => {
    const link = { kind: "rectification", id: r.rectificationId } as const;
    if (r.closedOn !== undefined && r.closedOn <= r.dueDate) {
      onTime++;
      return fact(`「${r.title}」按期销号（${r.closedOn}）`, undefined, link);
    }
    if (r.closedOn !== undefined)
      return fact(`「${r.title}」逾期销号（${r.dueDate} 到期，${r.closedOn} 销号）`, undefined, link);
    return fact(`「${r.title}」未销号（${r.dueDate} 到期）`, undefined, link);
  });
  return share(max, onTime, items.length, `到期整改 ${items.length} 项，按期销号 ${onTime} 项`, lines);
}

/** 指标达成: the share of the unit's own targets met. */
export function scoreIndicators(max: number, indicators: IndicatorFact[]): ItemScore {
  if (indicators.length === 0) return nothingToScore(max, "本单位无单独考核的指标");
  const met = indicators.filter((i) => i.met).length;
  const lines = indicators.map((i) =>
    fact(`「${i.name}」${i.met ? "达标" : "未达标"}：${i.detail}`, undefined, {
      kind: "indicator",
      id: i.indicatorId,
    }),
  );
  return share(max, met, indicators.length, `考核指标 ${indicators.length} 项，达标 ${met} 项`, lines);
}

/** Entry lines of a manual item: each entry with its points. */
export function entryFacts(entries: ManualEntryFact[]): { hundredths: number; facts: AssessmentFact[] } {
  let hundredths = 0;
  const facts = entries.map((e) => {
    const points = toHundredths(e.points);
    hundredths += points;
    const word = points >= 0 ? "加分" : "扣分";
    return fact(`${word}：${e.reason}${pointsSuffix(points)}`, points, { kind: "entry", id: e.entryId });
  });
  return { hundredths, facts };
}

/** Clamps an item's hundredths to [min, max], adding the fact that explains a cut. */
export function clampWithFact(score: ItemScore, min: number, max: number): ItemScore {
  const hundredths = clamp(score.hundredths, min, max);
  if (hundredths === score.hundredths) return score;
  const cut = hundredths - score.hundredths;
  const text =
    cut < 0
      ? `本项最高 ${pointsText(max)} 分${pointsSuffix(cut)}`
      : `本项最低 ${min < 0 ? "−" : ""}${pointsText(min)} 分${pointsSuffix(cut)}`;
  return { hundredths, facts: [...score.facts, fact(text, cut)] };
}
