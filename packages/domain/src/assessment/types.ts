/**
 * 考评: the year-end assessment of units on how they carried out a plan. A scheme（考评方案）says, per unit
 * category, which items are scored and how; the facts are what the database holds about each unit as of the
 * assessment date; `scoreAssessment` (pure) turns scheme + facts into explained, ranked, graded results.
 *
 * Points are kept in hundredths (integers) while scoring, so a breakdown adds up exactly to its total.
 */
import type { SchoolType } from "../units.js";
import type { AssessmentAdjustmentSource } from "./states.js";

/** The kinds of scoring item. */
export const assessmentItemKinds = [
  "task_completion",
  "reporting",
  "supervision",
  "rectification",
  "indicators",
  "manual",
  "veto",
] as const;
/** A kind of scoring item. */
export type AssessmentItemKind = (typeof assessmentItemKinds)[number];

/** Chinese names of the item kinds, as the scheme editor and the results table show them. */
export const assessmentItemKindLabels: Record<AssessmentItemKind, string> = {
  task_completion: "任务完成",
  reporting: "报送纪律",
  supervision: "督办响应",
  rectification: "整改落实",
  indicators: "指标达成",
  manual: "加减分",
  veto: "一票否决",
};

/**
 * 任务完成: `points × weighted mean progress (0–100 %, task weights from 分解)`, minus `redPenalty` per red
 * assignment and `yellowPenalty` per yellow one, floored at 0.
 */
export interface TaskCompletionItem {
  kind: "task_completion";
  redPenalty: number;
  yellowPenalty: number;
}

/**
 * 报送纪律: starts from `points`; each missing report loses `missingPenalty`, each late one (first submitted after
 * its due day) loses `missingPenalty × (1 − lateCredit)`; floored at 0. A deduction per report rather than a share
 * of reports, so owing one more report and sending it late never raises the score (a share would: a late report
 * lifts the average of a unit whose other reports are missing).
 */
export interface ReportingItem {
  kind: "reporting";
  /** Share of a report's credit a late report keeps, 0–1 (0.5: a late report loses half of what a missing one does). */
  lateCredit: number;
  /** Points lost per missing report (≥ 0); absent: 1. */
  missingPenalty?: number;
}

/** Points a missing report loses when the item does not say. */
export const defaultMissingReportPenalty = 1;

/**
 * 督办响应: starts from `points`; loses `levelPenalty[level]` per 督办单 received, `lateReplyPenalty` per 督办单
 * first replied after its reply day (or not replied while its reply day is before the assessment date),
 * `notFirstTimePenalty` per 督办单 whose reply was returned（退回重办）; floored at 0.
 */
export interface SupervisionItem {
  kind: "supervision";
  levelPenalty: { blue: number; yellow: number; red: number };
  lateReplyPenalty: number;
  notFirstTimePenalty: number;
}

/**
 * 整改落实: `points × items closed（销号）on time / items due by the assessment date` (rounded to hundredths); an item
 * closed after its due day or still open earns nothing.
 */
export interface RectificationItem {
  kind: "rectification";
}

/** 指标达成: `points × targets met / targets assessed` over the indicators measured on the unit's own data. */
export interface IndicatorsItem {
  kind: "indicators";
}

/**
 * 加减分: the manual entries of this item (加分 positive, 扣分 negative) summed, then clamped to
 * [−maxDeduction, +maxBonus]. Its `points` is 0: it does not count towards the scheme total.
 */
export interface ManualItem {
  kind: "manual";
  maxBonus: number;
  maxDeduction: number;
}

/**
 * 一票否决: any entry of this item sets the unit's grade to the category's lowest band whatever the score; a vetoed
 * unit is ranked after every unit that is not vetoed (among themselves by the usual order), takes no quota place,
 * and its grade note says why.
 */
export interface VetoItem {
  kind: "veto";
}

/** The kind-specific parameters of an item. */
export type AssessmentItemRule =
  | TaskCompletionItem
  | ReportingItem
  | SupervisionItem
  | RectificationItem
  | IndicatorsItem
  | ManualItem
  | VetoItem;

/**
 * One scoring item of a category. `key` is stable within the scheme (manual entries and breakdowns refer to it);
 * `points` is the item's weight: the scored items' points add up to the scheme total (manual and veto items: 0).
 * When a unit has nothing the item looks at (no 督办单, no 整改 item, no per-unit indicator), it gets full points
 * and its facts say so.
 */
export type AssessmentItem = AssessmentItemRule & { key: string; label: string; points: number };

/**
 * A grade band: units with a total ≥ `min` get the grade, at most `floor(units in the category × quotaPercent / 100)`
 * of them. Grades are given in rank order; a unit whose band is full falls to the next lower band with room (its
 * grade note says so). The lowest band takes no quota, so every unit has a grade.
 */
export interface AssessmentGradeBand {
  grade: string;
  min: number;
  /** Absent: no quota. */
  quotaPercent?: number;
}

/**
 * Tie-break rules, applied in order between units with equal totals: fewer red assignments; fewer missing reports;
 * an earlier mean submission day relative to the due day (a unit with no submitted report comes last); fewer
 * 督办单. The unit's `sortKey` (code, else name), then its id, end every tie.
 */
export const assessmentTieBreaks = [
  "fewer_red",
  "fewer_missing_reports",
  "earlier_reports",
  "fewer_notices",
] as const;
/** A tie-break rule. */
export type AssessmentTieBreak = (typeof assessmentTieBreaks)[number];
/** Chinese wording of the tie-break rules, as printed under the results table. */
export const assessmentTieBreakLabels: Record<AssessmentTieBreak, string> = {
  fewer_red: "红灯事项少者在前",
  fewer_missing_reports: "缺报少者在前",
  earlier_reports: "报送平均更早者在前",
  fewer_notices: "被督办次数少者在前",
};

/**
 * A unit category（考评类别）: departments, or schools of the listed types. A unit belongs to the first category
 * that matches it; a unit no category matches is not assessed.
 */
export interface AssessmentCategory {
  key: string;
  label: string;
  unitKind: "department" | "school";
  /** For a school category: the school types it covers (at least one). */
  schoolTypes?: SchoolType[];
  items: AssessmentItem[];
  /** Highest first; the last band's `min` is 0, so every total has a grade. */
  bands: AssessmentGradeBand[];
  tieBreaks: AssessmentTieBreak[];
}

/** A 考评方案. */
export interface AssessmentScheme {
  /** The total the scored items' points add up to in every category (default 100). */
  total: number;
  /** Days a unit may appeal after publication (default 5). */
  appealDays: number;
  categories: AssessmentCategory[];
}

/** What a fact links to, so a breakdown can open the task, report, 督办单, 整改 item or entry behind a point. */
export type AssessmentFactLink =
  | { kind: "task"; id: string }
  | { kind: "assignment"; id: string }
  | { kind: "report"; id: string }
  | { kind: "notice"; id: string }
  | { kind: "rectification"; id: string }
  | { kind: "indicator"; id: string }
  | { kind: "entry"; id: string };

/** One explained fact under an item of a unit's breakdown, e.g. "红灯事项：任务 3（−2 分）". */
export interface AssessmentFact {
  text: string;
  /** Points this fact adds (+) or takes (−), where it is the cause of a change; absent for context lines. */
  points?: number;
  link?: AssessmentFactLink;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts: gathered by the server as of the assessment date, frozen with a formal run.

/** One assignment of the unit in the plan, as of the assessment date. */
export interface AssignmentFact {
  assignmentId: string;
  taskId: string;
  taskTitle: string;
  /** The task's number in the plan (e.g. "3", "2.1"), when it has one: facts read "任务 3「…」". */
  taskCode?: string;
  /** Task weight from 分解 (> 0). */
  weight: number;
  /** 0–100. */
  progress: number;
  light: "green" | "yellow" | "red" | "grey";
}

/** One report the unit owed by the assessment date (a cycle's report of one of its assignments). */
export interface ReportFact {
  assignmentId: string;
  /** Absent when the report is missing. */
  reportId?: string;
  cycleName: string;
  /** Shanghai day the report was due. */
  dueDate: string;
  /** Shanghai day it was first submitted; absent when missing. */
  submittedOn?: string;
}

/** One 督办单 the unit received. */
export interface NoticeFact {
  noticeId: string;
  code: string;
  level: "blue" | "yellow" | "red";
  /** Shanghai day the reply was due. */
  replyDue: string;
  /** Shanghai day of the first reply; absent when not replied by the assessment date. */
  firstRepliedOn?: string;
  /**
   * False when a reply was returned（退回重办）at least once; true when the first reply was accepted（办结）, and
   * while the first reply is still awaiting review. Ignored until the 督办单 is replied.
   */
  acceptedAtFirstReply: boolean;
}

/** One 整改 item of the unit due by the assessment date. */
export interface RectificationFact {
  rectificationId: string;
  title: string;
  dueDate: string;
  /** Shanghai day it was closed（销号）; absent when still open. */
  closedOn?: string;
}

/** One target measured on the unit's own data. */
export interface IndicatorFact {
  indicatorId: string;
  name: string;
  met: boolean;
  /** E.g. "实际 48%，目标 ≥ 50%". */
  detail: string;
}

/** A manual entry（加分 / 扣分 / 一票否决）of the unit. */
export interface ManualEntryFact {
  entryId: string;
  itemKey: string;
  /** Positive 加分, negative 扣分; 0 for a veto. */
  points: number;
  reason: string;
}

/** Everything the scoring function looks at for one unit. */
export interface UnitAssessmentFacts {
  unitId: string;
  unitName: string;
  /** Ordering key for the last tie-break (the unit register's code, else its name). */
  sortKey: string;
  unitKind: "department" | "school";
  schoolType?: SchoolType;
  assignments: AssignmentFact[];
  reports: ReportFact[];
  notices: NoticeFact[];
  rectifications: RectificationFact[];
  indicators: IndicatorFact[];
  entries: ManualEntryFact[];
}

/** Facts of every unit, as of one Shanghai day. */
export interface AssessmentFacts {
  asOf: string;
  units: UnitAssessmentFacts[];
}

// ---------------------------------------------------------------------------------------------------------------
// Results.

/** One item of a unit's breakdown. */
export interface AssessmentBreakdownItem {
  itemKey: string;
  /** The item's label. */
  item: string;
  kind: AssessmentItemKind;
  /** Points earned, 2 decimals. */
  points: number;
  /** The item's weight (0 for manual and veto items). */
  maxPoints: number;
  facts: AssessmentFact[];
}

/** One unit's result. `total` equals the sum of the breakdown's points exactly (in hundredths). */
export interface AssessmentUnitResult {
  unitId: string;
  unitName: string;
  /** The category key. */
  category: string;
  categoryLabel: string;
  total: number;
  /**
   * 1-based rank within the category; a strict order: vetoed units after all others, then total, the category's
   * tie-breaks, sortKey and id.
   */
  rank: number;
  grade: string;
  vetoed: boolean;
  /** Why the grade is not the band of the total: a quota pushed it down, or a veto. */
  gradeNote?: string;
  breakdown: AssessmentBreakdownItem[];
}

/** A point adjustment made after the facts were frozen: by the 督查室 in review, or by an accepted appeal. */
export interface AssessmentAdjustment {
  id: string;
  unitId: string;
  itemKey: string;
  /** Added to the item's points (may be negative), then clamped as the item is: a scored item to [0, points], a manual item to its caps. */
  points: number;
  reason: string;
  source: AssessmentAdjustmentSource;
}
