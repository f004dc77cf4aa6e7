import { menuAbilities } from "@duban/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { publishedPlan, sectionNode, signedIn, taskNode } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { PlanPage } from "./plan-page";

// 2023-06-15: the first task was due in March at 20 %, so it is overdue (red); the second is on schedule.
const overdueTask = taskNode({
  id: "task-late",
  label: "1.",
  title: "落实课后服务全覆盖",
  dueDate: "2023-03-31",
  progress: 20,
  light: "red",
});
const onScheduleTask = taskNode({ id: "task-ok", label: "2.", title: "推进集团化办学", light: "green" });
const plan = publishedPlan([sectionNode({ children: [overdueTask, onScheduleTask] })], {
  preamble: "坚持立德树人。",
  taskCount: 2,
});

async function renderPlanPage(path = "/plans/plan-2023") {
  mockApi((request) =>
    request.url === "/api/plans/plan-2023" ? { status: 200, body: plan } : { status: 404 },
  );
  renderInApp(
    <Routes>
      <Route path="/plans/:id" element={<PlanPage />} />
    </Routes>,
    {
      path,
      me: signedIn(
        ["department"],
        menuAbilities({ userId: "user-1", tenantId: "tenant-1", unitId: "unit-edu", roles: ["department"] }),
      ),
    },
  );
  await screen.findByRole("heading", { name: "2023年教育工作要点" });
  return userEvent.setup({ delay: null });
}

/** The table row of a task, by its title. */
const rowOf = (title: string) => screen.getByRole("link", { name: title }).closest("tr") as HTMLElement;
const taskTitles = () => screen.queryAllByRole("link").map((link) => link.textContent);

describe("PlanPage", () => {
  it("shows an overdue task as 逾期, never 正常, and an on-schedule one as 正常", async () => {
    await renderPlanPage();
    expect(within(rowOf("落实课后服务全覆盖")).getByText("逾期")).toBeTruthy();
    expect(within(rowOf("落实课后服务全覆盖")).queryByText("正常")).toBeNull();
    expect(within(rowOf("推进集团化办学")).getByText("正常")).toBeTruthy();
  });

  it("sums the plan up: its particulars, 总体要求 and the overall light", async () => {
    await renderPlanPage();
    expect(screen.getByText("区教〔2023〕1号")).toBeTruthy();
    expect(screen.getByText("1 个部分 · 2 项任务 · 0 个指标 · 0 个节点")).toBeTruthy();
    expect(screen.getByText("总体要求")).toBeTruthy();
    const summary = screen.getByLabelText("亮灯统计");
    expect(within(summary).getByText("滞后")).toBeTruthy();
  });

  it("仅看逾期 leaves only the overdue task", async () => {
    const user = await renderPlanPage();
    expect(taskTitles()).toEqual(["落实课后服务全覆盖", "推进集团化办学"]);
    await user.click(screen.getByRole("checkbox", { name: "仅看逾期" }));
    await waitFor(() => expect(taskTitles()).toEqual(["落实课后服务全覆盖"]));
  });

  it("a colour in the summary filters the table by it, and a second click clears it", async () => {
    const user = await renderPlanPage();
    const green = within(screen.getByLabelText("亮灯统计")).getByText("绿 正常").closest("button")!;
    await user.click(green);
    await waitFor(() => expect(taskTitles()).toEqual(["推进集团化办学"]));
    expect(green.getAttribute("aria-pressed")).toBe("true");
    await user.click(green);
    await waitFor(() => expect(taskTitles()).toEqual(["落实课后服务全覆盖", "推进集团化办学"]));
  });

  it("opens narrowed to the light and section a link names in the address", async () => {
    const user = await renderPlanPage("/plans/plan-2023?light=red&section=section-1");
    expect(taskTitles()).toEqual(["落实课后服务全覆盖"]);
    const red = within(screen.getByLabelText("亮灯统计")).getByText("红 逾期").closest("button")!;
    expect(red.getAttribute("aria-pressed")).toBe("true");
    // Clearing the light in the summary widens the table again, keeping the section.
    await user.click(red);
    await waitFor(() => expect(taskTitles()).toEqual(["落实课后服务全覆盖", "推进集团化办学"]));
  });

  it("opens with only overdue tasks of a lead unit when the address says overdue=1&lead=…", async () => {
    await renderPlanPage("/plans/plan-2023?overdue=1&lead=unit-edu");
    expect(taskTitles()).toEqual(["落实课后服务全覆盖"]);
    expect(screen.getByRole("checkbox", { name: "仅看逾期" })).toHaveProperty("checked", true);
  });

  it("offers a department the plan's 驾驶舱", async () => {
    await renderPlanPage();
    expect(screen.getByRole("button", { name: /驾驶舱/ })).toBeTruthy();
  });

  it("says so when no task matches the search", async () => {
    const user = await renderPlanPage();
    await user.type(screen.getByRole("searchbox", { name: "搜索任务" }), "不存在的任务{Enter}");
    expect(await screen.findByText("没有符合条件的任务")).toBeTruthy();
  });
});
