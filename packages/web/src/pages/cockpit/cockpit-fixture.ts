import type { Cockpit, CockpitGroupRow } from "@duban/domain";

const tally = (red: number, yellow: number, green: number, grey = 0, blue = 0) => ({
  red,
  yellow,
  green,
  grey,
  blue,
});

function group(overrides: Partial<CockpitGroupRow>): CockpitGroupRow {
  return {
    id: "section-1",
    name: "一、深化教育改革",
    light: "red",
    tasks: tally(1, 0, 1),
    taskCount: 2,
    progress: 35,
    expectedProgress: 45,
    overdueTasks: 1,
    reportsDue: 4,
    reportsOnTime: 3,
    onTimeRate: 75,
    ...overrides,
  };
}

/**
 * The cockpit of the 2023 plan on 2023-06-15 for the whole bureau: three tasks (one red), two sections, two
 * lead departments, three schools in two townships, an indicator 已达成 from 1 of 6 units, 督办 figures and two
 * 需要关注 items.
 */
export function planCockpit(overrides: Partial<Cockpit> = {}): Cockpit {
  return {
    planId: "plan-2023",
    planTitle: "2023年教育工作要点",
    year: 2023,
    asOf: "2023-06-15",
    source: "live",
    snapshotDay: "2023-06-15",
    takenAt: "2023-06-15T01:00:00.000Z",
    scope: { kind: "plan", unitId: null, unitName: null },
    completion: {
      tasks: tally(1, 0, 2),
      taskCount: 3,
      light: "red",
      progress: 42,
      expectedProgress: 45,
      overdueTasks: 1,
      assignments: tally(1, 1, 2),
    },
    trend: [
      { day: "2023-06-13", progress: 38, expectedProgress: 44, tasks: tally(0, 1, 2) },
      { day: "2023-06-14", progress: 40, expectedProgress: 44.5, tasks: tally(1, 0, 2) },
      { day: "2023-06-15", progress: 42, expectedProgress: 45, tasks: tally(1, 0, 2) },
    ],
    sections: [
      group({}),
      group({
        id: "section-2",
        name: "二、办好人民满意教育",
        light: "green",
        tasks: tally(0, 0, 1),
        taskCount: 1,
        progress: 55,
        overdueTasks: 0,
        reportsDue: 0,
        reportsOnTime: 0,
        onTimeRate: null,
      }),
    ],
    departments: [
      group({ id: "dept-pre", name: "学前教育科" }),
      group({ id: "dept-basic", name: "基础教育科", light: "green", tasks: tally(0, 0, 1), overdueTasks: 0 }),
    ],
    heatmap: {
      tasks: [
        { nodeId: "task-9", code: "9.", title: "促进学前教育普及普惠发展", sectionId: "section-1" },
        { nodeId: "task-10", code: "10.", title: "推进义务教育优质均衡", sectionId: "section-2" },
      ],
      units: [
        {
          unitId: "school-xc",
          name: "瓦房店市西城幼儿园",
          kind: "school",
          schoolType: "kindergarten",
          township: "西长春路街道",
        },
        {
          unitId: "school-yc",
          name: "瓦房店市育才小学",
          kind: "school",
          schoolType: "primary",
          township: "共济街道",
        },
        {
          unitId: "school-sy",
          name: "瓦房店市实验幼儿园",
          kind: "school",
          schoolType: "kindergarten",
          township: "共济街道",
        },
      ],
      // 西城 red on task 9, 实验 green on task 9, 育才 yellow on task 10 (lights index lightColors).
      cells: {
        unit: [0, 2, 1],
        task: [0, 0, 1],
        lights: "021",
        progress: [10, 50, 30],
        assignmentIds: ["as-1", "as-2", "as-3"],
      },
      townships: ["共济街道", "西长春路街道"],
      schoolTypes: ["kindergarten", "primary"],
    },
    indicators: [
      {
        indicatorId: "ind-1",
        nodeId: "task-9",
        taskTitle: "促进学前教育普及普惠发展",
        name: "普惠性幼儿园覆盖率",
        comparator: "gte",
        target: 90,
        targetMax: null,
        unit: "%",
        aggregation: "average",
        value: 92,
        status: "met",
        reported: 1,
        expected: 6,
      },
    ],
    supervision: {
      openNotices: { blue: 1, yellow: 2, red: 3 },
      averageReplyDays: 2.5,
      overdueRectifications: 4,
      unacknowledgedInstructions: 5,
    },
    attention: [
      {
        kind: "task",
        nodeId: "task-9",
        unitId: "dept-pre",
        assignmentId: null,
        title: "9. 促进学前教育普及普惠发展",
        unitName: "学前教育科",
        light: "red",
        missingReports: 0,
        reason: "已逾期 12 天",
      },
      {
        kind: "unit",
        nodeId: "task-10",
        unitId: "school-yc",
        assignmentId: "as-3",
        title: "10. 推进义务教育优质均衡",
        unitName: "瓦房店市育才小学",
        light: "yellow",
        missingReports: 3,
        reason: "缺报 3 项",
      },
    ],
    abilities: { raiseNotices: true },
    ...overrides,
  };
}

/** A plan with nothing yet: no tasks lit, no snapshots, no indicators, no 督办. */
export function emptyCockpit(): Cockpit {
  const none = tally(0, 0, 0);
  return planCockpit({
    completion: {
      tasks: none,
      taskCount: 0,
      light: null,
      progress: 0,
      expectedProgress: 0,
      overdueTasks: 0,
      assignments: none,
    },
    trend: [],
    sections: [],
    departments: [],
    heatmap: {
      tasks: [],
      units: [],
      cells: { unit: [], task: [], lights: "", progress: [], assignmentIds: [] },
      townships: [],
      schoolTypes: [],
    },
    indicators: [],
    supervision: {
      openNotices: { blue: 0, yellow: 0, red: 0 },
      averageReplyDays: null,
      overdueRectifications: 0,
      unacknowledgedInstructions: 0,
    },
    attention: [],
  });
}
