import type { Assignment, Indicator } from "@duban/domain";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Cycle } from "../../api/execution";
import { submittedReport, taskNode } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { ReportContext } from "./report-context";

const indicator: Indicator = {
  id: "ind-1",
  name: "公办幼儿园在园幼儿占比",
  comparator: "gte",
  targetValue: 50,
  targetMax: null,
  unit: "%",
  deadline: "2023-12",
  hedge: null,
  aggregation: "average",
  sourceText: null,
  actual: 45,
  coverage: { reported: 1, expected: 6 },
  status: "at_risk",
};

const node = taskNode({
  text: "扩大普惠性学前教育资源，公办幼儿园在园幼儿占比达到50%以上。",
  measures: [
    { id: "m-1", text: "新建、改扩建公办幼儿园" },
    { id: "m-2", text: "规范民办园收费" },
  ],
  indicators: [indicator],
});

const assignment = {
  id: "assignment-1",
  planId: "plan-2023",
  node: { id: node.id, title: node.title, label: node.label, number: node.number },
  measure: { id: "m-1", text: "新建、改扩建公办幼儿园" },
  unit: { id: "unit-1", name: "西城幼儿园" },
  role: "executor",
  responsiblePerson: null,
  dueDate: "2023-12-31",
  status: "active",
  acknowledgedAt: null,
  progress: 30,
  light: "green",
  indicatorIds: ["ind-1"],
  removedReason: null,
  version: 1,
  createdAt: "2023-01-10T02:00:00.000Z",
  abilities: { acknowledge: false, report: true, requestExtension: true, remove: false },
} satisfies Assignment;

const june = { id: "cycle-6", name: "2023年6月", dueDate: "2023-06-25", status: "open" as const };
const may = { id: "cycle-5", name: "2023年5月", dueDate: "2023-05-25", status: "closed" as const };
/** The open cycle as `GET /api/plans/:id/cycles` lists it. */
const openJune: Cycle = {
  ...june,
  planId: "plan-2023",
  kind: "monthly",
  startDate: "2023-06-01",
  expected: 6,
  submitted: 1,
  approved: 0,
  version: 1,
  abilities: { close: false },
};
const april = { id: "cycle-4", name: "2023年4月", dueDate: "2023-04-25", status: "closed" as const };

describe("ReportContext", () => {
  it("shows each indicator's target with its comparator, last period's approved value and the due dates", () => {
    renderInApp(
      <ReportContext
        node={node}
        assignment={assignment}
        cycle={openJune}
        indicators={[indicator]}
        reports={[
          submittedReport({
            id: "r-6",
            cycle: june,
            status: "returned",
            values: [{ indicatorId: "ind-1", value: 70 }],
          }),
          submittedReport({
            id: "r-4",
            cycle: april,
            status: "approved",
            values: [{ indicatorId: "ind-1", value: 30 }],
          }),
          submittedReport({
            id: "r-5",
            cycle: may,
            status: "approved",
            values: [{ indicatorId: "ind-1", value: 45 }],
          }),
        ]}
      />,
    );
    const context = screen.getByLabelText("填报依据");
    expect(context.textContent).toContain("本期截止2023-06-25");
    expect(context.textContent).toContain("完成时限2023-12-31");
    // The newest approved earlier cycle (May), not the returned report of this cycle nor April's.
    const line = screen.getByRole("listitem");
    expect(line.textContent).toBe(
      "公办幼儿园在园幼儿占比目标 ≥ 50 %时限 2023-12 · 上期已通过：45 %（2023年5月）",
    );
  });

  it("keeps the task's text and measures folded until asked, marking the unit's own measure", async () => {
    renderInApp(
      <ReportContext
        node={node}
        assignment={assignment}
        cycle={null}
        indicators={[indicator]}
        reports={[]}
      />,
    );
    expect(screen.getByRole("listitem").textContent).toContain("上期已通过：暂无");
    const toggle = screen.getByRole("button", { name: /任务原文与措施（2 条措施）/ });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await userEvent.setup({ delay: null }).click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText(node.text)).toBeTruthy();
    expect(screen.getByText("新建、改扩建公办幼儿园").textContent).toContain("本单位承担");
  });
});
