import { type APIRequestContext, expect, type Page, test } from "./fixtures";
import {
  chooseOption,
  chooseOptions,
  DEMO_PASSWORD,
  findPlanNode,
  openAs,
  postJson,
  publishSeedPlan,
  signInApi,
  signInAs,
  uniqueSuffix,
  unitIdByName,
} from "./helpers";

/** The task of the seed plan whose target 公办幼儿园在园幼儿占比 ≥ 50 % is computed from the form. */
const TASK_9 = "促进学前教育普及普惠发展";
const INDICATOR = "公办幼儿园在园幼儿占比";
const PUBLIC_KINDERGARTEN = "瓦房店市西城幼儿园";
const PRIVATE_KINDERGARTEN = "瓦房店市小天使幼儿园";

/** A node of the plan tree as GET /api/plans/:id answers it, as far as this spec reads it. */
interface TreeNode {
  id: string;
  title: string;
  children?: TreeNode[];
}

/**
 * The group 全部幼儿园 (every kindergarten by rule), made by 督查室 unless an earlier run of the server did; how
 * many kindergartens it holds now (other specs of the same server run may have added one).
 */
async function ensureKindergartenGroup(request: APIRequestContext, csrf: string): Promise<number> {
  const res = await request.get("/api/groups?q=全部幼儿园&pageSize=50");
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: { name: string; memberCount: number }[] };
  const found = items.find((g) => g.name === "全部幼儿园");
  if (found) return found.memberCount;
  const made = await postJson<{ memberCount: number }>(request, csrf, "/api/groups", {
    name: "全部幼儿园",
    kind: "rule",
    rule: { kind: "school", schoolTypes: ["kindergarten"] },
  });
  return made.memberCount;
}

/**
 * A reporter of its own for a kindergarten, so the spec does not lean on a demo account other specs also use:
 * created by the administrator, the initial password changed to the demo one so a page can sign in with it; the
 * login.
 */
async function createKindergartenReporter(
  request: APIRequestContext,
  unitName: string,
  name: string,
): Promise<string> {
  const login = `kg${uniqueSuffix()}`;
  const initial = `Init#${uniqueSuffix()}A1`;
  const adminCsrf = await signInApi(request, "admin");
  await postJson(request, adminCsrf, "/api/users", {
    name,
    login,
    roles: ["school"],
    unitId: await unitIdByName(request, unitName),
    password: initial,
  });
  const res = await request.post("/api/auth/login", { data: { login, password: initial } });
  expect(res.status(), await res.text()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const changed = await request.post("/api/auth/change-password", {
    data: { currentPassword: initial, newPassword: DEMO_PASSWORD },
    headers: { "X-CSRF-Token": csrfToken },
  });
  expect(changed.status(), await changed.text()).toBe(204);
  return login;
}

/** Opens the unit's submission from 我的填报 on its phone, types the count of children, and submits. */
async function fillOnPhone(page: Page, formTitle: string, children: string, button: "填报" | "修改") {
  await page.goto("/my-forms");
  await expect(page.getByRole("heading", { name: "我的填报" })).toBeVisible();
  await page
    .getByRole("listitem")
    .filter({ hasText: formTitle })
    .getByRole("button", { name: button })
    .click();
  await expect(page.getByRole("heading", { name: formTitle })).toBeVisible();
  await page.getByLabel("在园幼儿数（人）").fill(children);
  await page.getByLabel("专任教师数（人）").fill("12");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByText("已提交，等待审核").first()).toBeVisible();
}

/** Opens a unit's submission from the round's 填报情况 and approves it, or returns it with a reason. */
async function review(page: Page, unit: string, decision: { approve: true } | { reason: string }) {
  await page.getByRole("row").filter({ hasText: unit }).getByRole("button", { name: "审核" }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: unit });
  await expect(drawer.getByRole("button", { name: "通过" })).toBeVisible();
  if ("reason" in decision) {
    await drawer.getByRole("button", { name: "退回" }).click();
    const dialog = page.getByRole("dialog", { name: `退回：${unit}` });
    await dialog.getByLabel("退回原因").fill(decision.reason);
    await dialog.getByRole("button", { name: "退回" }).click();
    await expect(page.getByText(`已退回${unit}`)).toBeVisible();
  } else {
    await drawer.getByRole("button", { name: "通过" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "通过" }).click();
    await expect(page.getByText(`已通过${unit}的填报`)).toBeVisible();
  }
  // Closed by its own button (after a confirmation the keyboard's focus need not be inside the drawer), once the
  // toast above it has gone: a pointer resting on a toast keeps it open.
  await expect(page.locator(".ant-message-notice")).toHaveCount(0);
  await drawer.getByRole("button", { name: "关闭" }).click();
  await expect(drawer).toBeHidden();
}

test("a department collects kindergartens' numbers by a form and 公办园占比 on task 9 is computed from them", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const { planId, csrf } = await publishSeedPlan(page.request);
  const kindergartens = await ensureKindergartenGroup(page.request, csrf);
  const publicLogin = await createKindergartenReporter(page.request, PUBLIC_KINDERGARTEN, "李园长");
  const privateLogin = await createKindergartenReporter(page.request, PRIVATE_KINDERGARTEN, "陈园长");
  const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as { nodes: TreeNode[] };
  const task = findPlanNode(plan.nodes, TASK_9);
  const title = `幼儿园基本情况统计表（${uniqueSuffix()}）`;

  await test.step("学前教育科 designs the form and sends it to 全部幼儿园", async () => {
    await signInAs(page, "xueqian", `/plans/${planId}/forms`);
    await expect(page.getByRole("heading", { name: "数据填报" })).toBeVisible();
    await page
      .getByRole("button", { name: /新建填报表/ })
      .first()
      .click();
    await page.getByLabel("填报表名称").fill(title);
    const first = page.getByRole("group", { name: "字段 1" });
    await first.getByLabel("字段名称").fill("在园幼儿数");
    await first.getByLabel("最小值").fill("0");
    await first.getByLabel("计量单位").fill("人");
    await page.getByRole("button", { name: /添加字段/ }).click();
    const second = page.getByRole("group", { name: "字段 2" });
    await second.getByLabel("字段名称").fill("专任教师数");
    await second.getByLabel("计量单位").fill("人");
    await page.getByRole("button", { name: /添加校验规则/ }).click();
    await page.getByLabel("规则", { exact: true }).fill("专任教师数 <= 在园幼儿数");
    await expect(page.getByRole("status", { name: "规则检查" })).toHaveText("规则可用");
    await page.getByLabel("不符合时的提示").fill("专任教师数不能超过在园幼儿数");
    await page.getByRole("button", { name: "创建填报表" }).click();
    await expect(page.getByText("填报表已创建")).toBeVisible();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();

    await page.getByRole("button", { name: /下发填报/ }).click();
    const dialog = page.getByRole("dialog", { name: `下发填报：${title}` });
    await dialog.getByLabel("批次名称").fill("2023年春季");
    await dialog.getByLabel("截止日期").fill("2023-06-30");
    await dialog.getByLabel("截止日期").press("Enter");
    await chooseOptions(dialog, "单位分组", "全部幼儿园");
    await dialog.getByRole("button", { name: "下发" }).click();
    await expect(page.getByText(`已下发，共 ${kindergartens} 个单位需填报`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "2023年春季 · 填报情况" })).toBeVisible();
    await expect(page.locator(".ant-statistic").filter({ hasText: "未报送" })).toContainText(
      String(kindergartens),
    );
  });
  const roundUrl = page.url();

  await test.step("学前教育科 computes 公办幼儿园在园幼儿占比 from the form", async () => {
    await page.goto(`/plans/${planId}/tasks/${task.id}`);
    const card = page.getByLabel(`指标：${INDICATOR}`);
    await card.getByRole("button", { name: "设为计算指标" }).click();
    const dialog = page.getByRole("dialog", { name: `计算公式：${INDICATOR}` });
    await chooseOption(dialog, "数据来源", title);
    await dialog.getByLabel("计算公式").fill("sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) × 100");
    await expect(dialog.getByRole("status", { name: "公式检查" })).toHaveText(/^即：/);
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("计算公式已保存")).toBeVisible();
    await expect(card.getByText(`已报 0/${kindergartens}`, { exact: true })).toBeVisible();
  });

  const publicPhone = await openAs(browser, baseURL, publicLogin, "/my-forms", { phone: true });
  const privatePhone = await openAs(browser, baseURL, privateLogin, "/my-forms", { phone: true });
  try {
    await test.step("two kindergartens fill it in on their phones (390 px wide)", async () => {
      for (const phone of [publicPhone.page, privatePhone.page])
        expect(phone.viewportSize()?.width).toBe(390);
      await fillOnPhone(publicPhone.page, title, "150", "填报");
      await fillOnPhone(privatePhone.page, title, "500", "填报");
    });

    await test.step("the department returns the wrong one and approves the other", async () => {
      await page.goto(roundUrl);
      await expect(page.locator(".ant-statistic").filter({ hasText: "待审核" })).toContainText("2");
      await review(page, PRIVATE_KINDERGARTEN, { reason: "在园幼儿数有误，请核对" });
      await review(page, PUBLIC_KINDERGARTEN, { approve: true });
    });

    await test.step("the returned kindergarten opens the return from its bell, reads the reason and corrects it", async () => {
      const phone = privatePhone.page;
      await phone.goto("/my-forms");
      const card = phone.getByRole("listitem").filter({ hasText: title });
      await expect(card).toContainText("在园幼儿数有误，请核对");
      await phone.getByRole("button", { name: "通知" }).click();
      await phone
        .locator(".ant-popover:visible .ant-list-item")
        .filter({ hasText: `${title}（2023年春季）被退回，请修改后重新提交` })
        .click();
      await expect(phone).toHaveURL(/\/form-submissions\/[0-9a-f-]{36}$/);
      await expect(phone.getByRole("heading", { name: title, exact: true })).toBeVisible();
      await expect(phone.getByRole("alert").getByText("退回原因：在园幼儿数有误，请核对")).toBeVisible();
      await phone.getByLabel("在园幼儿数（人）").fill("50");
      await phone.getByRole("button", { name: "提交" }).click();
      await expect(phone.getByText("已提交，等待审核").first()).toBeVisible();
    });

    await test.step("the corrected submission is approved", async () => {
      await page.goto(roundUrl);
      await review(page, PRIVATE_KINDERGARTEN, { approve: true });
      await expect(page.locator(".ant-statistic").filter({ hasText: "已通过" })).toContainText("2");
    });
  } finally {
    await publicPhone.context.close();
    await privatePhone.context.close();
  }

  await test.step("task 9 shows the computed share with its coverage and the two rows behind it", async () => {
    await page.goto(`/plans/${planId}/tasks/${task.id}`);
    const card = page.getByLabel(`指标：${INDICATOR}`);
    // 150 children in the public kindergarten of 150 + 50 in both.
    await expect(card.getByLabel("计算值")).toHaveText("75 %");
    await expect(card.getByText(`已报 2/${kindergartens}`, { exact: true })).toBeVisible();
    await expect(card.getByText(`进行中（已报 2/${kindergartens}）`)).toBeVisible();
    await expect(card.getByText(/^公式：/)).toBeVisible();
    await card.getByRole("button", { name: /明细/ }).click();
    const rows = card.getByRole("table").getByRole("row");
    // The header and the two approved kindergartens.
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: PUBLIC_KINDERGARTEN })).toContainText("150");
    await expect(rows.filter({ hasText: PRIVATE_KINDERGARTEN })).toContainText("50");
  });
});
