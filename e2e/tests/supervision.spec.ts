import { expect, test } from "./fixtures";
import {
  chooseFilter,
  findPlanNode,
  openAs,
  postJson,
  publishSeedPlan,
  signInApi,
  solidPng,
  unitIdByName,
} from "./helpers";

const TASK_9 = "促进学前教育普及普惠发展";
const SCHOOL = "瓦房店市西城幼儿园";

test("an overdue task raises a red 督办单; the kindergarten replies with evidence from a phone and 督查室 accepts", async ({
  page,
  browser,
  baseURL,
}) => {
  // Three users, a scan, an upload and a decision: give it three times the usual time.
  test.slow();
  // The server runs on 2023-06-15 (DUBAN_FAKE_NOW), when task 9 of the seed plan is only behind its 序时进度.
  // The assignment below is due on 2023-06-10, so it is five days overdue: exactly the 红色督办 condition.
  const { planId, csrf } = await publishSeedPlan(page.request, { openCycle: true });
  const replyText = `已召开专题会议，新增公办学位80个，普惠率达标（${Date.now()}）`;
  const measures = "一、挖潜扩容；二、每月向学前教育科报送进度。";

  // Earlier specs of this server run may have left overdue assignments of 西城幼儿园 in other plans (the
  // scheduler raises their notices too). Raise those now and let the school read everything, so that the one
  // unread 红色督办 on task 9 below is this plan's.
  await postJson(page.request, csrf, "/api/notices/scan", {}, 200);
  const school = await openAs(browser, baseURL, "xicheng", "/", { phone: true });
  const phone = school.page;
  const schoolCsrf = await signInApi(phone.request, "xicheng");
  await postJson(phone.request, schoolCsrf, "/api/notifications/read-all", {}, 200);

  // 学前教育科 (task 9's lead department) assigns task 9 of this plan to 西城幼儿园 only.
  const department = await openAs(browser, baseURL, "xueqian", "/");
  const deptCsrf = await signInApi(department.page.request, "xueqian");
  const plan = (await (await department.page.request.get(`/api/plans/${planId}`)).json()) as {
    nodes: { id: string; title: string; children?: { id: string; title: string }[] }[];
  };
  const task9 = findPlanNode(plan.nodes, TASK_9);
  const unitId = await unitIdByName(department.page.request, SCHOOL);
  const assigned = await postJson<{ created: number }>(
    department.page.request,
    deptCsrf,
    `/api/nodes/${task9.id}/assignments`,
    { unitIds: [unitId], role: "executor", dueDate: "2023-06-10" },
  );
  expect(assigned.created).toBe(1);
  await department.context.close();

  let noticeId = "";
  try {
    await test.step("督查室 opens 督办台账, 立即扫描, and a 红色督办 for 西城幼儿园 on task 9 is listed", async () => {
      await page.goto("/");
      await page.getByRole("menu").getByRole("menuitem", { name: "督办台账" }).click();
      await expect(page).toHaveURL(/\/notices$/);
      await expect(page.getByRole("heading", { name: "督办台账" })).toBeVisible();
      await page.getByRole("button", { name: "立即扫描" }).click();
      const result = page.getByRole("dialog").filter({ hasText: "扫描结果" });
      // The scan is idempotent and the server's scheduler may have raised the notice a moment earlier, so the
      // count may be 0; what matters is the notice in the ledger.
      await expect(result).toContainText(/新下发 \d+ 件，升级 \d+ 件，自动关闭 \d+ 件/);
      await result.getByRole("button").last().click();
      await expect(result).toBeHidden();

      await chooseFilter(page, "按责任单位筛选", SCHOOL, "西城");
      await chooseFilter(page, "按督办等级筛选", "红色督办");
      const rows = page.getByRole("row").filter({ hasText: TASK_9 });
      await expect(rows.first()).toBeVisible();
      await expect(rows.first()).toContainText(SCHOOL);
      await expect(rows.first()).toContainText("红色督办");
      await expect(rows.first()).toContainText("自动");

      // This plan's notice, to check the links below lead to it.
      const res = await page.request.get(
        `/api/notices?planId=${planId}&unitId=${unitId}&level=red&status=open`,
      );
      expect(res.status(), await res.text()).toBe(200);
      const list = (await res.json()) as { items: { id: string; node: { id: string } }[] };
      const mine = list.items.filter((n) => n.node.id === task9.id);
      expect(mine).toHaveLength(1);
      noticeId = mine[0]!.id;
      await expect(
        page.getByRole("row").filter({ hasText: TASK_9 }).filter({ hasText: "待回复" }),
      ).not.toHaveCount(0);
    });

    await test.step("the kindergarten, on a phone, sees the bell's count and opens the notice from it", async () => {
      await phone.goto("/");
      const bell = phone.getByRole("button", { name: "通知" });
      await expect(bell).toBeVisible();
      await expect(bell.locator(".ant-badge-count")).toBeVisible();
      await expect(bell.locator(".ant-badge-count")).not.toHaveText("0");
      await bell.click();
      const unread = phone
        .locator(".ant-popover:visible .ant-list-item")
        .filter({ hasText: `红色督办：${TASK_9}` })
        .filter({ has: phone.locator(".ant-badge-status-processing") });
      await expect(unread).toHaveCount(1);
      // A click while the popover is still opening can be lost (no navigation): the item is clicked until the
      // notice opens, the popover reopened if it closed meanwhile.
      const item = phone
        .locator(".ant-popover:visible .ant-list-item")
        .filter({ hasText: `红色督办：${TASK_9}` });
      await expect(async () => {
        if (!(await item.first().isVisible())) await bell.click();
        await item.first().click({ timeout: 2000 });
        await expect(phone).toHaveURL(new RegExp(`/notices/${noticeId}$`), { timeout: 2000 });
      }).toPass({ timeout: 20_000 });
      await expect(phone.getByRole("heading", { name: new RegExp(`督办单：.*${TASK_9}`) })).toBeVisible();
      await expect(phone.getByText("红色督办", { exact: true })).toBeVisible();
      await expect(phone.getByText("待回复", { exact: true })).toBeVisible();
    });

    await test.step("the kindergarten fills 办理情况, uploads a photo and 回复", async () => {
      await phone.getByLabel("办理情况").fill(replyText);
      await phone.getByLabel("整改措施").fill(measures);
      await phone
        .locator(".ant-form-item")
        .filter({ hasText: "佐证材料" })
        .locator('input[type="file"]')
        .setInputFiles({ name: "专题会议.png", mimeType: "image/png", buffer: solidPng() });
      const uploaded = phone.locator(".ant-upload-list-item").filter({ hasText: "专题会议.png" });
      await expect(uploaded).toBeVisible();
      await expect(uploaded).not.toHaveClass(/ant-upload-list-item-(uploading|error)/);
      await phone.getByRole("button", { name: "回复", exact: true }).click();
      await expect(phone.getByText("已回复，等待督查室审核")).toBeVisible();
      await expect(phone.getByText("已回复", { exact: true })).toBeVisible();
      // Answered: the form is gone until the office sends it back.
      await expect(phone.getByLabel("办理情况")).toBeHidden();
    });

    await test.step("督查室 finds the replied notice in 督办台账 and 通过", async () => {
      await page.reload();
      await chooseFilter(page, "按督办等级筛选", "红色督办");
      await chooseFilter(page, "按责任单位筛选", SCHOOL, "西城");
      await chooseFilter(page, "按状态筛选", "已回复");
      // Other flows answer 西城幼儿园's blue and yellow notices on task 9 of their own plans: the level tells them apart.
      const row = page.getByRole("row").filter({ hasText: TASK_9 });
      await expect(row).toHaveCount(1);
      await row.click();
      await expect(page).toHaveURL(new RegExp(`/notices/${noticeId}$`));
      const history = page.locator(".ant-card").filter({ hasText: "办理记录" });
      await expect(history).toContainText(replyText);
      await expect(history).toContainText(`措施：${measures}`);

      await page.getByRole("button", { name: "通过", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: new RegExp(`^通过：.*${TASK_9}$`) });
      await dialog.getByLabel("意见（可选）").fill("措施具体，同意办结。");
      await dialog.getByRole("button", { name: "确定通过" }).click();
      await expect(page.getByText("督办单已办结")).toBeVisible();
      await expect(dialog).toBeHidden();
    });

    await test.step("the notice is 已办结 and its history keeps the raise, the reply with evidence and the acceptance", async () => {
      await expect(page.getByText("已办结", { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "通过", exact: true })).toBeHidden();
      const events = page
        .locator(".ant-card")
        .filter({ hasText: "办理记录" })
        .locator(".ant-timeline-item-content");
      await expect(events).toHaveCount(3);
      await expect(events.nth(0)).toContainText(/^下发督办单 · 红色督办/);
      await expect(events.nth(1)).toContainText(/^单位回复/);
      await expect(events.nth(1)).toContainText(replyText);
      const evidence = events.nth(1).getByRole("link", { name: "佐证材料 1" });
      await expect(evidence).toHaveAttribute("href", /\/api\/files\/[^/]+\?inline=1$/);
      const file = await page.request.get((await evidence.getAttribute("href"))!);
      expect(file.status()).toBe(200);
      expect(file.headers()["content-type"]).toMatch(/^image\/png/);
      await expect(events.nth(2)).toContainText(/^通过/);

      // The school sees the outcome too.
      await phone.reload();
      await expect(phone.getByText("已办结", { exact: true })).toBeVisible();
    });
  } finally {
    await school.context.close();
  }
});
