import type { PublicPlan } from "@duban/domain";
import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { PublicPlanPage } from "./public-plan-page";

const plan: PublicPlan = {
  bureau: "瓦房店市教育局",
  plan: { id: "p1", title: "瓦房店市教育局2023年工作要点", year: 2023 },
  asOf: "2023-06-16",
  summary: {
    taskCount: 1,
    tasks: { red: 0, yellow: 1, green: 0, grey: 0, blue: 0 },
    progress: 30,
    expectedProgress: 45.8,
  },
  sections: [
    {
      id: "s1",
      title: "努力办好人民更加满意的教育",
      tasks: [
        {
          id: "n9",
          code: "9.",
          title: "促进学前教育普及普惠发展",
          status: "active",
          light: "yellow",
          progress: 30,
          expectedProgress: 45.8,
          dueDate: "2023-12-31",
          indicators: [
            {
              id: "i1",
              name: "公办幼儿园在园幼儿占比",
              comparator: "gte",
              target: 50,
              targetMax: null,
              unit: "%",
              aggregation: "average",
              value: 60,
              status: "on_track",
              reported: 1,
              expected: 2,
            },
          ],
        },
      ],
    },
  ],
};

function renderPage() {
  renderInApp(
    <Routes>
      <Route path="/public/:tenantSlug/:planId" element={<PublicPlanPage />} />
    </Routes>,
    { path: "/public/wafangdian/p1" },
  );
}

describe("PublicPlanPage", () => {
  it("shows the plan's public tasks with lights, progress and indicator coverage", async () => {
    const sent = mockApi(() => ({ status: 200, body: plan }));
    renderPage();
    expect(await screen.findByRole("heading", { name: "瓦房店市教育局2023年工作要点" })).toBeTruthy();
    expect(screen.getByText("数据截至 2023-06-16")).toBeTruthy();
    expect(screen.getByText("9. 促进学前教育普及普惠发展")).toBeTruthy();
    expect(screen.getByText("已报 1/2")).toBeTruthy();
    expect(screen.getByText("目标 ≥ 50 %，当前 60 %")).toBeTruthy();
    expect(sent.map((s) => s.url)).toEqual(["/api/public/wafangdian/plans/p1"]);
  });

  it("says the plan is not public when the API answers 404", async () => {
    mockApi(() => ({
      status: 404,
      body: { error: { code: "not_found", message: "该计划未公开或不存在，请核对网址" } },
    }));
    renderPage();
    expect(await screen.findByText("该计划未公开或不存在")).toBeTruthy();
  });
});
