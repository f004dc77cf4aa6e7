import { type Cockpit, menuAbilities, type Role } from "@duban/domain";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { errorAnswer, type MockAnswer, mockApi } from "../../test/api-mock";
import { publishedPlan, signedIn } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { emptyCockpit, planCockpit } from "./cockpit-fixture";
import { CockpitPage } from "./cockpit-page";
import { HomeCockpit } from "./home-cockpit";

// happy-dom has no canvas: the charts are stubs that keep their option and click handler, so a test can click
// a slice, bar, cell or point the way ECharts reports it.
const charts = vi.hoisted(() => new Map<string, { option: unknown; onClick?: (event: unknown) => void }>());
vi.mock("./cockpit-chart", () => ({
  CockpitChart: (props: { label: string; option: unknown; onClick?: (event: unknown) => void }) => {
    charts.set(props.label, { option: props.option, onClick: props.onClick });
    return <div role="img" aria-label={props.label} />;
  },
}));

/** Clicks a chart element as ECharts reports it. */
function clickChart(label: string, event: Record<string, unknown>) {
  const chart = charts.get(label);
  if (!chart?.onClick) throw new Error(`没有图表「${label}」`);
  act(() => chart.onClick?.(event));
}

/** Where a click led: the path and query the router is at, outside the cockpit. */
function Landed() {
  const location = useLocation();
  return <output aria-label="当前地址">{`${location.pathname}${location.search}`}</output>;
}

const landedAt = async () => (await screen.findByRole("status", { name: "当前地址" })).textContent;

const plansList = {
  items: [publishedPlan([])],
  total: 1,
  page: 1,
  pageSize: 200,
  years: [2023],
  abilities: {},
};

function renderCockpit(
  cockpit: Cockpit | MockAnswer,
  { roles = ["leader"] as Role[], path = "/plans/plan-2023/cockpit" } = {},
) {
  const sent = mockApi((r) => {
    if (r.url === "/api/plans?page=1&pageSize=200") return { status: 200, body: plansList };
    if (r.url.startsWith("/api/plans/plan-2023/cockpit"))
      return "status" in cockpit ? cockpit : { status: 200, body: cockpit };
    if (r.method === "POST" && r.url === "/api/notices") return { status: 201, body: { id: "notice-9" } };
    return { status: 404 };
  });
  const actor = { userId: "user-1", tenantId: "tenant-1", unitId: "unit-1", roles };
  renderInApp(
    <Routes>
      <Route path="/plans/:id/cockpit" element={<CockpitPage />} />
      <Route path="*" element={<Landed />} />
    </Routes>,
    {
      path,
      me: signedIn(roles, menuAbilities(actor), { id: "unit-1", name: "学前教育科", kind: "department" }),
    },
  );
  return { sent, user: userEvent.setup({ delay: null }) };
}

const hrefOf = (scope: HTMLElement, name: string | RegExp) =>
  within(scope).getByRole("link", { name }).getAttribute("href");

describe("CockpitPage (领导驾驶舱)", () => {
  it("shows the plan's completion with each light count linking to the task list of that light", async () => {
    renderCockpit(planCockpit());
    const lights = await screen.findByRole("list", { name: "任务亮灯统计" });
    expect(
      within(lights)
        .getAllByRole("listitem")
        .map((l) => l.textContent),
    ).toEqual(["● 红 逾期 1", "● 黄 滞后 0", "● 绿 正常 2", "● 灰 未开始 0", "● 蓝 已完成 0"]);
    expect(hrefOf(lights, /红 逾期/)).toBe("/plans/plan-2023?light=red");
    expect(screen.getByText("截至 2023-06-15（实时）")).toBeTruthy();
    expect(screen.getByRole("img", { name: "任务亮灯分布" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "进度趋势" })).toBeTruthy();
  });

  it("links each section to its tasks and its overdue count to its overdue tasks", async () => {
    renderCockpit(planCockpit());
    const row = (await screen.findByRole("link", { name: "一、深化教育改革" })).closest("tr") as HTMLElement;
    expect(hrefOf(row, "一、深化教育改革")).toBe("/plans/plan-2023?section=section-1");
    expect(hrefOf(row, "1")).toBe("/plans/plan-2023?section=section-1&overdue=1");
    expect(within(row).getByText("75%（3/4）")).toBeTruthy();
    const other = screen.getByRole("link", { name: "二、办好人民满意教育" }).closest("tr") as HTMLElement;
    expect(within(other).getByText("本期无报送")).toBeTruthy();
  });

  it("links each lead department to its tasks on the 按牵头科室 tab", async () => {
    const { user } = renderCockpit(planCockpit());
    await user.click(await screen.findByRole("tab", { name: "按牵头科室" }));
    const pane = await screen.findByRole("tabpanel", { name: "按牵头科室" });
    expect(hrefOf(pane, "学前教育科")).toBe("/plans/plan-2023?lead=dept-pre");
  });

  it("never shows an indicator as 已达成 without how many units reported it", async () => {
    renderCockpit(planCockpit());
    const row = (await screen.findByRole("link", { name: "普惠性幼儿园覆盖率" })).closest(
      "tr",
    ) as HTMLElement;
    expect(within(row).getByText("已达成")).toBeTruthy();
    expect(within(row).getByText("已报 1/6")).toBeTruthy();
    expect(within(row).getByText("≥ 90 %")).toBeTruthy();
    expect(hrefOf(row, "普惠性幼儿园覆盖率")).toBe("/plans/plan-2023/tasks/task-9");
  });

  it("opens the 督办台账 by colour and the 整改台账 at its overdue items", async () => {
    renderCockpit(planCockpit());
    const card = (await screen.findByText("督办情况")).closest(".ant-card") as HTMLElement;
    expect(hrefOf(card, /红色督办/)).toBe("/notices?planId=plan-2023&level=red");
    expect(hrefOf(card, /黄色警示/)).toBe("/notices?planId=plan-2023&level=yellow");
    expect(hrefOf(card, /逾期整改/)).toBe("/rectifications?overdue=true");
    expect(hrefOf(card, /批示未签收/)).toBe("/instructions/mine");
    expect(card.textContent).toContain("平均回复用时2.5天");
  });

  it("lists 需要关注 with links to the task and the unit", async () => {
    renderCockpit(planCockpit());
    const list = await screen.findByRole("list", { name: "需要关注" });
    const items = within(list).getAllByRole("listitem");
    expect(hrefOf(items[0]!, "9. 促进学前教育普及普惠发展")).toBe("/plans/plan-2023/tasks/task-9");
    expect(hrefOf(items[1]!, "瓦房店市育才小学")).toBe("/units/school-yc/work");
    expect(items[1]!.textContent).toContain("缺报 3 项");
  });

  it("督办 asks for confirmation with the notice prefilled, then raises it on the unit's assignment", async () => {
    const { sent, user } = renderCockpit(planCockpit());
    const list = await screen.findByRole("list", { name: "需要关注" });
    await user.click(within(within(list).getAllByRole("listitem")[1]!).getByRole("button", { name: "督办" }));
    // Antd's ids are all "test-id" under test, so the dialog is found by role and its title checked apart.
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("确认下发督办单")).toBeTruthy();
    expect(within(dialog).getByText("瓦房店市育才小学")).toBeTruthy();
    expect(sent.filter((r) => r.method === "POST")).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "下发" }));
    await waitFor(() =>
      expect(sent.filter((r) => r.method === "POST")).toEqual([
        {
          method: "POST",
          url: "/api/notices",
          body: {
            nodeId: "task-10",
            assignmentId: "as-3",
            level: "yellow",
            reason: "10. 推进义务教育优质均衡：缺报 3 项。请说明原因，提出整改措施，按时回复。",
            replyDue: "2023-06-20",
          },
        },
      ]),
    );
  });

  it("a slice of the donut opens the plan's tasks of that light", async () => {
    renderCockpit(planCockpit());
    await screen.findByRole("img", { name: "任务亮灯分布" });
    clickChart("任务亮灯分布", { data: { name: "逾期", value: 1, light: "red" } });
    expect(await landedAt()).toBe("/plans/plan-2023?light=red");
  });

  it("a bar segment opens the section's tasks of that light", async () => {
    renderCockpit(planCockpit());
    await screen.findByRole("img", { name: "各部分任务亮灯" });
    // The first series is red, the first row the first section.
    clickChart("各部分任务亮灯", { seriesIndex: 0, dataIndex: 0 });
    expect(await landedAt()).toBe("/plans/plan-2023?light=red&section=section-1");
  });

  it("a heat-map cell opens the assignment, a school's name its work page, a task's number its page", async () => {
    renderCockpit(planCockpit());
    await screen.findByRole("img", { name: "学校任务亮灯热力图" });
    clickChart("学校任务亮灯热力图", { componentType: "series", value: [0, 2, 0, "as-1"] });
    expect(await landedAt()).toBe("/assignments/as-1");
  });

  it("a school's name on the heat map opens its work page", async () => {
    renderCockpit(planCockpit());
    await screen.findByRole("img", { name: "学校任务亮灯热力图" });
    clickChart("学校任务亮灯热力图", { componentType: "yAxis", value: "school-yc" });
    expect(await landedAt()).toBe("/units/school-yc/work");
  });

  it("groups the heat map's schools by township and narrows it to one", async () => {
    const { user } = renderCockpit(planCockpit());
    await screen.findByRole("img", { name: "学校任务亮灯热力图" });
    const rows = () => (charts.get("学校任务亮灯热力图")!.option as { yAxis: { data: string[] } }).yAxis.data;
    // 共济街道 first (the API's order of townships), its schools by name.
    expect(rows()).toEqual(["school-sy", "school-yc", "school-xc"]);
    // [task column, drawn row, light index, assignment]: the answer's cells re-indexed to the drawn rows.
    const cells = () =>
      (charts.get("学校任务亮灯热力图")!.option as { series: { data: unknown[] }[] }).series[0]!.data;
    expect(cells()).toEqual([
      [0, 2, 0, "as-1"],
      [0, 0, 2, "as-2"],
      [1, 1, 1, "as-3"],
    ]);
    await user.click(screen.getByRole("combobox", { name: "筛选乡镇" }));
    await user.click(await screen.findByTitle("西长春路街道"));
    await waitFor(() => expect(rows()).toEqual(["school-xc"]));
    expect(cells()).toEqual([[0, 0, 0, "as-1"]]);
  });

  it("a point of the trend shows the cockpit of that day", async () => {
    const { sent } = renderCockpit(planCockpit());
    await screen.findByRole("img", { name: "进度趋势" });
    clickChart("进度趋势", { dataIndex: 0 });
    await waitFor(() =>
      expect(sent.map((r) => r.url)).toContain("/api/plans/plan-2023/cockpit?asOf=2023-06-13"),
    );
  });

  it("says what is missing on a plan with no snapshots, tasks, indicators or urgent items", async () => {
    renderCockpit(emptyCockpit());
    expect(await screen.findByText("暂无快照，趋势将在每日记录后显示")).toBeTruthy();
    expect(screen.getByText("暂无指标")).toBeTruthy();
    expect(screen.getByText("暂无需要关注的事项")).toBeTruthy();
    expect(screen.getByText("暂无交办到学校的任务")).toBeTruthy();
    expect(screen.queryByRole("img", { name: "任务亮灯分布" })).toBeNull();
  });

  it("shows a department its own tasks only: no by-department split and no 督办 without the ability", async () => {
    renderCockpit(
      planCockpit({
        scope: { kind: "department", unitId: "unit-1", unitName: "学前教育科" },
        supervision: {
          openNotices: { blue: 0, yellow: 1, red: 0 },
          averageReplyDays: null,
          overdueRectifications: 0,
          unacknowledgedInstructions: null,
        },
        abilities: { raiseNotices: false },
      }),
      { roles: ["department"] },
    );
    expect(await screen.findByText("仅学前教育科牵头的任务")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "按部分" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "按牵头科室" })).toBeNull();
    expect(screen.queryByRole("button", { name: "督办" })).toBeNull();
    // 平均回复用时 and 批示 are plan-wide figures the department does not get.
    const card = screen.getByText("督办情况").closest(".ant-card") as HTMLElement;
    expect(card.textContent).toContain("平均回复用时—");
    expect(card.textContent).toContain("批示未签收—");
    expect(within(card).queryByRole("link", { name: /批示未签收/ })).toBeNull();
  });

  it("shows a school its own summary without the schools' heat map", async () => {
    renderCockpit(planCockpit({ scope: { kind: "school", unitId: "unit-1", unitName: "西城幼儿园" } }), {
      roles: ["school"],
    });
    expect(await screen.findByText("仅西城幼儿园承担的任务")).toBeTruthy();
    expect(screen.queryByText("学校 × 任务亮灯")).toBeNull();
  });

  it("asks for the day in the address and says when it reads an earlier snapshot", async () => {
    const { sent } = renderCockpit(
      planCockpit({ asOf: "2023-06-10", source: "snapshot", snapshotDay: "2023-06-09" }),
      { path: "/plans/plan-2023/cockpit?asOf=2023-06-10" },
    );
    expect(await screen.findByText("2023-06-10 当日无记录，显示 2023-06-09 的快照")).toBeTruthy();
    expect(sent.map((r) => r.url)).toContain("/api/plans/plan-2023/cockpit?asOf=2023-06-10");
  });

  it("shows the server's message when the cockpit cannot be read", async () => {
    renderCockpit(errorAnswer(400, "validation_failed", "日期不能晚于今天"));
    expect(await screen.findByText("日期不能晚于今天")).toBeTruthy();
  });

  it("offers a plan picker when several plans are active and shows the picked plan's cockpit", async () => {
    const older = publishedPlan([], { id: "plan-2022", year: 2022, title: "2022年教育工作要点" });
    const draft = publishedPlan([], {
      id: "plan-draft",
      status: "draft",
      title: "2024年教育工作要点（草稿）",
    });
    const sent = mockApi((r) => {
      if (r.url === "/api/plans?page=1&pageSize=200")
        return { status: 200, body: { ...plansList, items: [older, publishedPlan([]), draft] } };
      if (r.url === "/api/plans/plan-2023/cockpit") return { status: 200, body: planCockpit() };
      if (r.url === "/api/plans/plan-2022/cockpit")
        return { status: 200, body: planCockpit({ planId: "plan-2022", planTitle: "2022年教育工作要点" }) };
      return { status: 404 };
    });
    const actor = { userId: "user-1", tenantId: "tenant-1", unitId: null, roles: ["leader" as const] };
    renderInApp(<HomeCockpit />, { me: signedIn(["leader"], menuAbilities(actor)) });
    const picker = await screen.findByRole("combobox", { name: "选择计划" });
    // The newest year first; drafts are not offered.
    await waitFor(() => expect(sent.map((r) => r.url)).toContain("/api/plans/plan-2023/cockpit"));
    const user = userEvent.setup({ delay: null });
    await user.click(picker);
    expect(screen.queryByTitle("2024年教育工作要点（草稿）")).toBeNull();
    await user.click(await screen.findByTitle("2022年教育工作要点"));
    await waitFor(() => expect(sent.map((r) => r.url)).toContain("/api/plans/plan-2022/cockpit"));
  });

  it("refuses those without a cockpit", async () => {
    renderCockpit(planCockpit(), { roles: ["inspector"] });
    expect(await screen.findByText("无权访问此页面")).toBeTruthy();
  });
});
