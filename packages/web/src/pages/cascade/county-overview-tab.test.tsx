import type { CountyOverview } from "@duban/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { mockApi } from "../../test/api-mock";
import { publishedPlan } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { CountyOverviewTab } from "./county-overview-tab";

// happy-dom has no canvas: the bar chart is a stub keeping its option.
const charts = vi.hoisted(() => new Map<string, unknown>());
vi.mock("./county-progress-chart", () => ({
  CountyProgressChart: (props: { label: string; option: unknown }) => {
    charts.set(props.label, props.option);
    return <div role="img" aria-label={props.label} />;
  },
}));

const plans = { items: [publishedPlan([])], total: 1, page: 1, pageSize: 200, years: [2023], abilities: {} };
const tally = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
const figures = {
  handedDown: 2,
  pending: 1,
  linked: 1,
  returned: 0,
  light: "yellow" as const,
  lights: { ...tally, yellow: 1 },
  progress: 15,
  overdue: 1,
  lastApprovedAt: "2023-06-15T01:01:00.000Z",
  coverage: { reported: 1, expected: 2 },
};
const overview: CountyOverview = {
  plan: { id: "plan-2023", title: "2023年教育工作要点" },
  asOf: "2023-06-15",
  itemCount: 2,
  counties: [{ rank: 1, tenant: { id: "t-a", name: "甲县教育局" }, ...figures }],
  totals: figures,
};

function renderTab(answer: CountyOverview) {
  mockApi((r) => {
    if (r.url === "/api/plans?page=1&pageSize=200") return { status: 200, body: plans };
    if (r.url === "/api/cascade/overview?planId=plan-2023") return { status: 200, body: answer };
    return { status: 404 };
  });
  renderInApp(<CountyOverviewTab />);
}

describe("CountyOverviewTab (县区总览)", () => {
  it("shows each county ranked with its light, progress and overdue items, a bar per county and the 通报", async () => {
    renderTab(overview);
    const row = (await screen.findByText("甲县教育局")).closest("tr")!;
    for (const text of ["1", "1 / 1 / 0", "15%", "1/2", "2023-06-15"])
      expect(within(row).getAllByText(text).length).toBeGreaterThan(0);
    expect(within(row).getByText("滞后")).toBeTruthy();
    expect(screen.getByRole("link", { name: /下载通报/ }).getAttribute("href")).toBe(
      "/api/cascade/bulletin-document?planId=plan-2023",
    );
    expect(screen.getByLabelText("通报日期")).toBeTruthy();
    expect(screen.getByRole("img", { name: "各下级教育局进度" })).toBeTruthy();
    const option = charts.get("各下级教育局进度") as { series: { data: { value: number }[] }[] };
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([15]);
  });

  it("says so when nothing of the plan was handed down, with no 通报 to download", async () => {
    renderTab({ ...overview, itemCount: 0, counties: [] });
    expect(await screen.findByText("本计划还没有下达给下级教育局的任务，暂无县区总览")).toBeTruthy();
    expect(screen.queryByRole("link", { name: /下载通报/ })).toBeNull();
  });
});
