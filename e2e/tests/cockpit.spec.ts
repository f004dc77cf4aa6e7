import { expect, type Locator, type Page, test } from "./fixtures";
import { findPlanNode, postJson, publishSeedPlan, signInApi, signInAs, unitIdByName } from "./helpers";

const TASK_9 = "促进学前教育普及普惠发展";
// A school no other spec uses, so this spec's assignment changes no other spec's 我的工作.
const SCHOOL = "瓦房店市实验幼儿园";

/** A node of GET /api/plans/:id as this spec reads it. */
interface TreeNode {
  id: string;
  version: number;
  level: string;
  title: string;
  light: string | null;
  children: TreeNode[];
}

/** Titles of the plan's tasks and subtasks of one light, in plan order. */
function tasksLit(nodes: TreeNode[], light: string): string[] {
  return nodes.flatMap((n) => [
    ...((n.level === "task" || n.level === "subtask") && n.light === light ? [n.title] : []),
    ...tasksLit(n.children, light),
  ]);
}

/** How many pixels of a chart's canvas are drawn: neither transparent nor the white background. */
async function drawnPixels(chart: Locator): Promise<number> {
  return chart
    .locator("canvas")
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        const white = data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245;
        if (data[i + 3]! > 0 && !white) drawn += 1;
      }
      return drawn;
    });
}

/** Waits until the chart has drawn more than a frame's worth of pixels (ECharts animates its first paint). */
async function expectDrawn(page: Page, name: string): Promise<void> {
  const chart = page.getByRole("img", { name, exact: true });
  await expect(chart.locator("canvas").first()).toBeVisible();
  await expect.poll(() => drawnPixels(chart), { message: `${name} is drawn` }).toBeGreaterThan(500);
}

test("the leader's home page is the cockpit with drawn charts; the red light opens only the plan's red tasks", async ({
  page,
}, testInfo) => {
  test.slow();
  const { planId, csrf } = await publishSeedPlan(page.request, { openCycle: true });
  const readPlan = async () =>
    (await (await page.request.get(`/api/plans/${planId}`)).json()) as { nodes: TreeNode[] };
  const task9 = findPlanNode((await readPlan()).nodes, TASK_9);
  // The seed plan's tasks run to the year's end, so on the server's 2023-06-15 none is overdue yet: 督查室 moves
  // task 9's 完成时限 to the end of May, which makes it red (逾期).
  const moved = await page.request.put(`/api/nodes/${task9.id}`, {
    data: { dueDate: "2023-05-31", reason: "按局党组要求提前完成", version: task9.version },
    headers: { "X-CSRF-Token": csrf },
  });
  expect(moved.status(), await moved.text()).toBe(204);
  // 学前教育科 hands task 9 to a kindergarten, so the schools' heat map has a row.
  const deptCsrf = await signInApi(page.request, "xueqian");
  await postJson(page.request, deptCsrf, `/api/nodes/${task9.id}/assignments`, {
    unitIds: [await unitIdByName(page.request, SCHOOL)],
    role: "executor",
    dueDate: "2023-06-30",
  });
  const red = tasksLit((await readPlan()).nodes, "red");
  expect(red).toEqual([TASK_9]);

  await page.setViewportSize({ width: 1440, height: 900 });
  // Other specs of this server run publish the seed plan too: the address names this run's plan.
  await signInAs(page, "juzhang", `/?plan=${planId}`);
  const cockpit = page.getByRole("region", { name: "领导驾驶舱" });
  await expect(cockpit.getByText("截至 2023-06-15（实时）")).toBeVisible();
  for (const chart of ["任务亮灯分布", "进度趋势", "各部分任务亮灯", "学校任务亮灯热力图"])
    await expectDrawn(page, chart);
  // The leader's own to-dos stay on the home page below the cockpit.
  await expect(page.getByText("暂无待办。您的批示可在“我的批示”中查看签收情况。")).toBeVisible();
  await testInfo.attach("cockpit-1440.png", {
    body: await page.screenshot({ fullPage: true, path: testInfo.outputPath("cockpit-1440.png") }),
    contentType: "image/png",
  });

  const lights = cockpit.getByRole("list", { name: "任务亮灯统计" });
  const redLink = lights.getByRole("link", { name: /红 逾期/ });
  await expect(redLink).toHaveText(`● 红 逾期 ${red.length}`);
  await redLink.click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?light=red$`));
  const lightFilter = page
    .locator(".ant-select")
    .filter({ has: page.getByRole("combobox", { name: "按亮灯筛选" }) });
  await expect(lightFilter).toContainText("逾期");
  const table = page.getByRole("table");
  await expect(table.getByRole("link")).toHaveText(red);
});

test("a department's cockpit shows the tasks it leads, reached from the plan page", async ({ page }) => {
  const { planId } = await publishSeedPlan(page.request);
  await signInAs(page, "xueqian", `/plans/${planId}`);
  await page.getByRole("button", { name: "驾驶舱" }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/cockpit$`));
  await expect(page.getByText("仅学前教育科牵头的任务")).toBeVisible();
  await expectDrawn(page, "任务亮灯分布");
  await expect(page.getByRole("tab", { name: "按牵头科室" })).toHaveCount(0);
  // An earlier day is asked for again; before the plan's year nothing was recorded, whatever the scheduler added.
  const day = page.getByPlaceholder("今天");
  await day.click();
  await day.fill("2022-12-31");
  await day.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/cockpit\\?asOf=2022-12-31$`));
  await expect(
    page.getByText("暂无快照：2022-12-31 及之前尚无该计划的进展记录，请选择计划发布之后的日期"),
  ).toBeVisible();
});
