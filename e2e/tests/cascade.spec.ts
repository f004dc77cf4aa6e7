import type { HandDown, PlanDetail, PlanTreeNode } from "@duban/domain";
import { expect, type Page, test } from "./fixtures";
import { chooseOption, postJson, signInApi, signInAs } from "./helpers";

const TASK9 = "9.促进学前教育普及普惠发展";

test("大连's 督查室 hands task 9 down to 瓦房店, which links its own task 9; an approved report moves the roll-up", async ({
  browser,
}) => {
  // Three people's sessions and the roll-up's reads of 瓦房店's plan: longer than one page's flow.
  test.setTimeout(180_000);
  // The city's 督查室 hands its task 9 down to 瓦房店.
  const city = await (await browser.newContext()).newPage();
  await signInAs(city, "dlducha", "/cascade");
  await expect(city.getByText("本计划还没有下达给下级教育局的任务")).toBeVisible({ timeout: 30_000 });
  await city.getByRole("button", { name: "下达任务" }).click();
  const handDown = city.getByRole("dialog", { name: "下达任务" });
  await chooseOption(handDown, "任务", TASK9, "促进学前");
  await handDown.getByLabel("瓦房店市教育局").check();
  await handDown.getByRole("button", { name: "确认下达" }).click();
  await expect(city.getByText(`已下达：促进学前教育普及普惠发展`)).toBeVisible();
  await expect(city.getByRole("cell", { name: "待接收" })).toBeVisible();
  await expect(city.getByText("已报 0/1 县").first()).toBeVisible();

  // 瓦房店's 督查室 finds it in its inbox and links it to its own task 9.
  const county = await (await browser.newContext()).newPage();
  await signInAs(county, "ducha", "/cascade");
  await county.getByRole("tab", { name: "上级下达" }).click();
  const row = county.getByRole("row", { name: /大连市教育局/ });
  await expect(row.getByText("待接收")).toBeVisible();
  await row.getByRole("button", { name: "接收" }).click();
  const receive = county.getByRole("dialog", { name: "接收上级下达的任务" });
  // Specs before this one publish copies of the seed plan under the same title. Plans are listed newest first,
  // so the demo's own plan, with the kindergartens' June reports, is the last of that title.
  const planSelect = receive.getByLabel("本局计划", { exact: true });
  await expect(async () => {
    if ((await planSelect.getAttribute("aria-expanded")) !== "true") await planSelect.click();
    await county
      .locator(".ant-select-dropdown:visible")
      .getByTitle("瓦房店市教育局2023年工作要点", { exact: true })
      .last()
      .click({ timeout: 3_000 });
    const planItem = receive
      .locator(".ant-form-item")
      .filter({ has: county.getByLabel("本局计划", { exact: true }) });
    await expect(planItem).toContainText("瓦房店市教育局2023年工作要点", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await chooseOption(receive, "本局任务", TASK9, "促进学前");
  await receive.getByRole("button", { name: "确认接收" }).click();
  await expect(row.getByText("已关联")).toBeVisible();

  // The linked task shows the city's requirement.
  await row.getByRole("link", { name: TASK9 }).click();
  await expect(county.getByText("大连市教育局下达")).toBeVisible();

  // The city now reads 瓦房店's approved figures: two kindergartens' June reports are approved.
  await city.reload();
  await expect(city.getByRole("cell", { name: "已关联" })).toBeVisible();
  await expect(city.getByText("已报 1/1 县").first()).toBeVisible();
  await expect(city.getByText("新增学位佐证材料已补充")).toHaveCount(0);

  // 阳光幼儿园 resubmits its returned June report and 学前教育科 approves it; the city's roll-up moves with it.
  const before = await cityProgress(city);
  const request = (await browser.newContext({ baseURL: city.url() })).request;
  const csrf = await signInApi(request, "xueqian");
  // The demo's own plan: the last of its title (plans come newest first; other specs publish copies).
  const plans = (await (await request.get("/api/plans")).json()) as {
    items: { id: string; title: string }[];
  };
  const demoPlan = plans.items.filter((p) => p.title === "瓦房店市教育局2023年工作要点").at(-1)!;
  const plan = (await (await request.get(`/api/plans/${demoPlan.id}`)).json()) as PlanDetail;
  const walk = (nodes: PlanTreeNode[]): PlanTreeNode[] => nodes.flatMap((n) => [n, ...walk(n.children)]);
  const task9 = walk(plan.nodes).find((n) => n.level === "task" && n.number === 9)!;
  const returned = (await (await request.get(`/api/nodes/${task9.id}/reports?status=returned`)).json())
    .items as {
    assignmentId: string;
    cycle: { id: string };
    values: { indicatorId: string; value: number }[];
  }[];
  const school = (await browser.newContext({ baseURL: city.url() })).request;
  const schoolCsrf = await signInApi(school, "yangguang");
  const resubmit = await school.post(`/api/assignments/${returned[0]!.assignmentId}/reports`, {
    data: {
      cycleId: returned[0]!.cycle.id,
      progress: 90,
      doneText: "新增学位佐证材料已补充，改扩建工程完工。",
      values: returned[0]!.values,
      submit: true,
    },
    headers: { "X-CSRF-Token": schoolCsrf },
  });
  expect(resubmit.ok(), await resubmit.text()).toBe(true);
  const report = (await resubmit.json()) as { id: string; version: number };
  await postJson(
    request,
    csrf,
    `/api/reports/${report.id}/review`,
    { decision: "approve", version: report.version },
    200,
  );
  await city.reload();
  await expect(city.getByText(/新增学位佐证材料已补充/)).toBeVisible();
  const after = await cityProgress(city);
  expect(after).not.toBe(before);
  await expect(city.getByRole("cell", { name: `${after}%`, exact: true }).first()).toBeVisible();
});

/** 瓦房店's progress as the city's roll-up reads it, through the API the page uses. */
async function cityProgress(city: Page): Promise<number> {
  const plans = (await (await city.request.get("/api/plans")).json()) as { items: { id: string }[] };
  const page = (await (await city.request.get(`/api/hand-downs?planId=${plans.items[0]!.id}`)).json()) as {
    items: HandDown[];
  };
  return page.items[0]!.counties[0]!.progress!;
}
