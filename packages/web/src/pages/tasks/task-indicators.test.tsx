import type { ComputedIndicator, Indicator } from "@duban/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { TaskIndicators } from "./task-indicators";

// happy-dom has no canvas: the chart is stubbed.
vi.mock("./computed-chart", () => ({ ComputedChart: () => <div>图表</div> }));
vi.mock("./indicator-chart", () => ({ IndicatorChart: () => <div>图表</div> }));

/** 公办幼儿园在园幼儿占比 ≥ 50 %. */
const share: Indicator = {
  id: "ind-share",
  name: "公办幼儿园在园幼儿占比",
  comparator: "gte",
  targetValue: 50,
  targetMax: null,
  unit: "%",
  deadline: null,
  hedge: null,
  aggregation: "average",
  sourceText: null,
  actual: 75,
  coverage: { reported: 2, expected: 9 },
  status: "on_track",
};

const row = (unitId: string, unitName: string, children: number, ownership: "public" | "private") => ({
  unitId,
  unitName,
  kind: "school" as const,
  schoolType: "kindergarten" as const,
  ownership,
  inclusive: ownership === "public",
  township: null,
  values: { f1: children },
});

/** 150 children in a public kindergarten of 200 in two: 75 %, two of nine kindergartens approved. */
const computed: ComputedIndicator = {
  indicatorId: "ind-share",
  formula: {
    formId: "form-1",
    formTitle: "幼儿园基本情况统计表",
    source: "sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) × 100",
    words: "公办学校的在园幼儿数之和 ÷ 在园幼儿数之和 × 100",
    version: 0,
  },
  value: 75,
  reason: null,
  coverage: { reported: 2, expected: 9 },
  round: { id: "round-1", name: "2023年春季", deadline: "2023-06-30", status: "open" },
  status: "on_track",
  statusLabel: "进行中（已报 2/9）",
  history: [{ value: 75, reported: 2, expected: 9, at: "2023-06-15T01:00:00.000Z" }],
  columns: [{ key: "f1", label: "在园幼儿数", type: "integer", unit: "人" }],
  rows: {
    items: [
      row("u-1", "瓦房店市西城幼儿园", 150, "public"),
      row("u-2", "瓦房店市小天使幼儿园", 50, "private"),
    ],
    total: 2,
    page: 1,
    pageSize: 20,
    abilities: {},
  },
  abilities: { define: true },
};

describe("TaskIndicators with a computed indicator", () => {
  it("shows the computed value, coverage, status and formula in words, and sorts the drill-down on the server", async () => {
    const sent = mockApi(() => ({ status: 200, body: computed }));
    renderInApp(<TaskIndicators planId="plan-1" indicators={[share]} reports={[]} />);
    const card = screen.getByLabelText("指标：公办幼儿园在园幼儿占比");
    expect((await within(card).findByLabelText("计算值")).textContent).toBe("75 %");
    expect(within(card).getByText("已报 2/9")).toBeTruthy();
    expect(within(card).getByText("进行中（已报 2/9）")).toBeTruthy();
    expect(
      within(card).getByText(
        "公式：公办学校的在园幼儿数之和 ÷ 在园幼儿数之和 × 100（来源：幼儿园基本情况统计表 · 2023年春季）",
      ),
    ).toBeTruthy();
    const user = userEvent.setup({ delay: null });
    await user.click(within(card).getByRole("button", { name: /明细（2 个单位）/ }));
    const table = within(card).getByRole("table");
    expect(
      within(table)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      expect.stringContaining("在园幼儿数（人）"),
      "瓦房店市西城幼儿园幼儿园 · 公办150",
      "瓦房店市小天使幼儿园幼儿园 · 民办50",
    ]);
    await user.click(within(table).getByRole("columnheader", { name: /在园幼儿数（人）/ }));
    await waitFor(() =>
      expect(sent.at(-1)?.url).toBe(
        "/api/indicators/ind-share/computed?page=1&pageSize=20&sort=f1&order=asc",
      ),
    );
    expect(
      within(card)
        .getByRole("link", { name: /导出 Excel/ })
        .getAttribute("href"),
    ).toBe("/api/indicators/ind-share/computed/rows.xlsx");
  });

  it("keeps a reported indicator as it was, offering 设为计算指标 to those who may define formulas", async () => {
    mockApi(() => ({ status: 200, body: { ...computed, formula: null } }));
    renderInApp(<TaskIndicators planId="plan-1" indicators={[share]} reports={[]} />);
    const card = screen.getByLabelText("指标：公办幼儿园在园幼儿占比");
    expect(await within(card).findByRole("button", { name: "设为计算指标" })).toBeTruthy();
    expect(within(card).getByText("口径：平均")).toBeTruthy();
    expect(within(card).queryByLabelText("计算值")).toBeNull();
  });
});
