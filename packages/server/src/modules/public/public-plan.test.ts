import { emptyLightTally, type PlanSnapshot } from "@duban/domain";
import { describe, expect, it } from "vitest";
import { buildPublicPlan } from "./public-plan.js";

const task = (nodeId: string, sectionId: string, light: "green" | "red", progress: number) => ({
  nodeId,
  code: null,
  ordinal: 1,
  title: `任务${nodeId}`,
  sectionId,
  sectionTitle: `部分${sectionId}`,
  leadUnitId: "lead",
  weight: 1,
  status: "active" as const,
  light,
  progress,
  expectedProgress: 40,
  dueDate: "2023-12-31",
  overdue: false,
});
const indicator = (indicatorId: string, nodeId: string) => ({
  indicatorId,
  nodeId,
  name: `指标${indicatorId}`,
  comparator: "gte" as const,
  target: 50,
  targetMax: null,
  unit: "%",
  aggregation: "average" as const,
  value: 10,
  status: "at_risk" as const,
  reported: 1,
  expected: 3,
});
const snapshot = {
  planId: "p",
  day: "2023-06-16",
  takenAt: "2023-06-16T00:00:00.000Z",
  totals: {} as PlanSnapshot["totals"],
  cycle: null,
  tasks: [task("a1", "A", "green", 50), task("a2", "A", "red", 10), task("b1", "B", "red", 0)],
  assignments: [],
  indicators: [indicator("i1", "a1"), indicator("i2", "a2"), indicator("i3", "b1")],
  units: [],
} satisfies PlanSnapshot;
const nodes = (marked: string[]) =>
  ["A", "B"]
    .map((id): { id: string; parentId: string | null; public: boolean } => ({
      id,
      parentId: null,
      public: marked.includes(id),
    }))
    .concat(
      ["a1", "a2", "b1"].map((id) => ({ id, parentId: id[0]!.toUpperCase(), public: marked.includes(id) })),
    );
const meta = { bureau: "测试局", plan: { id: "p", title: "计划", year: 2023 } };

describe("buildPublicPlan", () => {
  it("shows every task of a section marked public, one task marked alone, and only indicators marked", () => {
    const page = buildPublicPlan(
      snapshot,
      { nodes: nodes(["A"]), indicators: [{ id: "i2", public: true }] },
      meta,
    );
    expect(
      page.sections.map((s) => [s.id, s.tasks.map((t) => [t.id, t.indicators.map((i) => i.id)])]),
    ).toEqual([
      [
        "A",
        [
          ["a1", []],
          ["a2", ["i2"]],
        ],
      ],
    ]);
    // The summary counts the public tasks alone: B's red task is not in it.
    expect(page.summary).toEqual({
      taskCount: 2,
      tasks: { ...emptyLightTally(), green: 1, red: 1 },
      progress: 30,
      expectedProgress: 40,
    });
  });

  it("shows nothing when nothing is marked", () => {
    const page = buildPublicPlan(
      snapshot,
      { nodes: nodes([]), indicators: [{ id: "i1", public: true }] },
      meta,
    );
    expect(page.sections).toEqual([]);
    expect(page.summary).toEqual({
      taskCount: 0,
      tasks: emptyLightTally(),
      progress: 0,
      expectedProgress: 0,
    });
  });
});
