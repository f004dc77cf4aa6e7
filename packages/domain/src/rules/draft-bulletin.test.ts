import { describe, expect, it } from "vitest";
import type { BulletinBlock } from "../schemas/bulletins.js";
import type { PlanSnapshot, SnapshotIndicator, SnapshotTask, SnapshotUnit } from "../snapshots.js";
import { draftBulletin } from "./draft-bulletin.js";

const tally = (red: number, yellow: number, green: number, grey: number, blue: number) => ({
  red,
  yellow,
  green,
  grey,
  blue,
});

function task(ordinal: number, title: string, light: SnapshotTask["light"], progress: number): SnapshotTask {
  return {
    nodeId: `task-${ordinal}`,
    code: `${ordinal}.`,
    ordinal,
    title,
    sectionId: null,
    sectionTitle: null,
    leadUnitId: "dept-1",
    status: "active",
    light,
    progress,
    expectedProgress: 45.48,
    dueDate: "2023-12-31",
    overdue: light === "red",
  } as SnapshotTask;
}

function unit(
  name: string,
  reports: SnapshotUnit["reports"],
  extra: Partial<SnapshotUnit> = {},
): SnapshotUnit {
  return {
    unitId: `unit-${name}`,
    name,
    kind: "school",
    schoolType: "kindergarten",
    township: null,
    assignments: tally(0, 0, 1, 0, 0),
    reports,
    openNotices: { blue: 0, yellow: 0, red: 0 },
    openRectifications: 0,
    overdueRectifications: 0,
    ...extra,
  } as SnapshotUnit;
}

const indicator: SnapshotIndicator = {
  indicatorId: "ind-1",
  nodeId: "task-1",
  name: "普惠性幼儿园覆盖率",
  comparator: "gte",
  target: 90,
  targetMax: null,
  unit: "%",
  aggregation: "average",
  value: 85.25,
  status: "on_track",
  reported: 4,
  expected: 6,
} as SnapshotIndicator;

/** The plan on 2023-06-30: four tasks (one done, one on track, one behind, one overdue), four schools. */
const end: PlanSnapshot = {
  planId: "plan-1",
  day: "2023-06-30",
  takenAt: "2023-06-30T15:00:00.000Z",
  totals: {
    taskCount: 4,
    tasks: tally(1, 1, 1, 0, 1),
    assignments: tally(0, 1, 3, 0, 0),
    progress: 52.34,
    expectedProgress: 49.59,
    overdueTasks: 1,
    openNotices: { blue: 0, yellow: 1, red: 0 },
    averageReplyDays: null,
    overdueRectifications: 1,
    unacknowledgedInstructions: 0,
  },
  cycle: null,
  tasks: [
    task(1, "扩大普惠性学前教育资源", "blue", 100),
    task(2, "推进集团化办园", "green", 50),
    task(3, "完善幼儿园保教质量评估", "yellow", 20),
    task(4, "新建城区幼儿园", "red", 60),
  ],
  assignments: [],
  indicators: [indicator],
  units: [
    unit("城关幼儿园", { due: 2, onTime: 2, late: 0, missing: 0, approved: 2 }),
    unit("东关幼儿园", { due: 2, onTime: 1, late: 1, missing: 0, approved: 2 }),
    unit(
      "西关幼儿园",
      { due: 2, onTime: 0, late: 0, missing: 2, approved: 0 },
      { openNotices: { blue: 0, yellow: 1, red: 0 } },
    ),
    unit("南关幼儿园", { due: 2, onTime: 2, late: 0, missing: 0, approved: 2 }, { overdueRectifications: 1 }),
    // Both in on time, one still waiting for review: not yet everything approved.
    unit("北关幼儿园", { due: 2, onTime: 2, late: 0, missing: 0, approved: 1 }),
    // A day recorded before approvals were counted: approval unknown, so not praised.
    unit("中关幼儿园", { due: 2, onTime: 2, late: 0, missing: 0 }),
  ],
} as PlanSnapshot;

const start: PlanSnapshot = {
  ...end,
  day: "2023-06-01",
  totals: { ...end.totals, progress: 40.1, tasks: tally(0, 2, 2, 0, 0) },
};

const context = {
  planTitle: "瓦城县教育局2023年工作要点",
  from: "2023-06-01",
  to: "2023-06-30",
  unitNames: { "dept-1": "学前教育科" },
};

/** The text of the paragraph following the heading, `offset` paragraphs down. */
function after(blocks: BulletinBlock[], heading: string, offset = 1): BulletinBlock {
  const i = blocks.findIndex((b) => b.type === "heading" && b.text === heading);
  return blocks[i + offset]!;
}

describe("draftBulletin", () => {
  const draft = draftBulletin(end, start, context);

  it("has the bureau's six parts in order", () => {
    expect(
      draft.content.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text),
    ).toEqual([
      "一、总体进展",
      "二、重点任务推进情况",
      "三、红榜",
      "四、通报批评",
      "五、指标完成情况",
      "六、下步工作要求",
    ]);
  });

  it("states overall completion against 序时进度 and the change since the period began", () => {
    expect(after(draft.content, "一、总体进展")).toEqual({
      type: "paragraph",
      text:
        "截至2023年6月30日，《瓦城县教育局2023年工作要点》共4项重点任务，整体完成进度52.3%，序时进度49.6%，" +
        "超出序时进度2.8个百分点。其中，已完成1项，正常推进1项，滞后1项，逾期1项，未开始0项。",
    });
    expect(after(draft.content, "一、总体进展", 2)).toEqual({
      type: "paragraph",
      text: "与2023年6月1日相比，整体进度提高12.2个百分点（由40.1%到52.3%），已完成任务增加1项，滞后任务减少1项，逾期任务增加1项。",
    });
  });

  it("says there is nothing to compare with when no snapshot precedes the period", () => {
    const alone = draftBulletin(end, null, context);
    expect(after(alone.content, "一、总体进展", 2)).toEqual({
      type: "paragraph",
      text: "2023年6月1日及以前暂无进度记录，本期不作比较。",
    });
  });

  it("names the overdue and lagging tasks with their lead unit", () => {
    expect(after(draft.content, "二、重点任务推进情况", 2)).toEqual({
      type: "paragraph",
      text: "逾期未完成任务1项：4.新建城区幼儿园（进度60%，序时进度45.5%，牵头单位学前教育科）。",
    });
    expect(after(draft.content, "二、重点任务推进情况", 3)).toEqual({
      type: "paragraph",
      text: "进度滞后任务1项：3.完善幼儿园保教质量评估（进度20%，序时进度45.5%，牵头单位学前教育科）。",
    });
  });

  it("puts on the 红榜 only units with every report on time and approved, and nothing open", () => {
    expect(after(draft.content, "三、红榜")).toEqual({
      type: "paragraph",
      text: "以下1个单位按时报送全部工作进展且均已审核通过，无未办结督办单和逾期整改事项，予以通报表扬：城关幼儿园。",
    });
  });

  it("criticises units with missing or late reports, open 督办单 or overdue 整改, the most missing first", () => {
    expect(after(draft.content, "四、通报批评")).toEqual({
      type: "paragraph",
      text:
        "以下3个单位存在未按时报送工作进展、督办单未办结或整改逾期等问题，予以通报批评：" +
        "西关幼儿园（未报送2次、督办单未办结1件）；东关幼儿园（迟报1次）；南关幼儿园（整改逾期1项）。",
    });
    expect(after(draft.content, "四、通报批评", 2)).toEqual({
      type: "table",
      rows: [
        ["序号", "单位", "未报送（次）", "迟报（次）", "未办结督办单（件）", "逾期整改（项）"],
        ["1", "西关幼儿园", "2", "0", "1", "0"],
        ["2", "东关幼儿园", "0", "1", "0", "0"],
        ["3", "南关幼儿园", "0", "0", "0", "1"],
      ],
    });
  });

  it("shows each indicator with its coverage, never as met on part of the units", () => {
    expect(after(draft.content, "五、指标完成情况", 2)).toEqual({
      type: "table",
      rows: [
        ["序号", "指标", "目标值", "当前值", "状态", "报送情况"],
        ["1", "普惠性幼儿园覆盖率", "≥90%", "85.3%", "进展正常", "已报 4/6"],
      ],
    });
  });

  it("names the units of the 红榜 and the 通报批评, to tell them when it is issued", () => {
    expect(draft.namedUnitIds).toEqual([
      "unit-城关幼儿园",
      "unit-西关幼儿园",
      "unit-东关幼儿园",
      "unit-南关幼儿园",
    ]);
  });
});
