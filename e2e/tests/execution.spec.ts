import { lightLabels } from "../../packages/domain/src/rules/lights.js";
import { expect, type Page, test } from "./fixtures";
import { chooseOptions, openAs, publishSeedPlan, solidPng } from "./helpers";

const TASK_9 = "促进学前教育普及普惠发展";
const INDICATOR = "公办幼儿园在园幼儿占比";
const SCHOOL = "瓦房店市西城幼儿园";

/** The 我的工作 items of one kind (tagged 待签收, 待填报, 被退回 or 待审核) for task 9. */
function workItem(page: Page, kind: string) {
  return page
    .getByLabel("待办事项")
    .getByRole("listitem")
    .filter({ has: page.getByText(kind, { exact: true }) })
    .filter({ hasText: TASK_9 });
}

test("学前教育科 assigns task 9 to the public kindergartens; a kindergarten reports from a phone, is returned, resubmits and is approved", async ({
  page,
  browser,
  baseURL,
}) => {
  // Three users, a full report round trip and the roll-up: give it three times the usual time.
  test.slow();
  const { planId } = await publishSeedPlan(page.request, { openCycle: true });
  let assigned = 0;
  const returnReason = `请补充新增公办学位的数量和佐证照片（${Date.now()}）`;

  const department = await openAs(browser, baseURL, "xueqian", `/plans/${planId}`);
  const school = await openAs(browser, baseURL, "xicheng", "/", { phone: true });
  const dept = department.page;
  const phone = school.page;
  try {
    await test.step("学前教育科 opens task 9 from the plan page and 交办 it to 全部公办幼儿园", async () => {
      const taskRow = dept.getByRole("row").filter({ has: dept.getByRole("link", { name: TASK_9 }) });
      await expect(taskRow).toContainText("学前教育科");
      await taskRow.getByRole("link", { name: TASK_9 }).click();
      await expect(dept.getByRole("heading", { name: new RegExp(TASK_9) })).toBeVisible();
      await expect(dept.getByText("尚未交办")).toBeVisible();

      await dept.getByRole("button", { name: "交办" }).click();
      const dialog = dept.getByRole("dialog", { name: `交办：${TASK_9}` });
      await chooseOptions(dialog, "分组", "全部公办幼儿园");
      await dialog.getByRole("checkbox", { name: INDICATOR }).check();
      await dialog.getByRole("button", { name: "确定交办" }).click();
      const done = dept.getByText(/^已交办 \d+ 个单位，跳过 0 个已交办的单位$/);
      await expect(done).toBeVisible();
      // The seed's six public kindergartens, and any that another test created (the admin's flow makes one).
      assigned = Number(/\d+/.exec((await done.textContent()) ?? "")?.[0]);
      expect(assigned).toBeGreaterThanOrEqual(6);
      await expect(dialog).toBeHidden();

      const assignment = dept.getByRole("row").filter({ hasText: SCHOOL });
      await expect(assignment).toHaveCount(1);
      await expect(assignment).toContainText("承办");
    });

    await test.step("the kindergarten, on a phone, 签收 and 填报 60 % with a photo", async () => {
      await phone.reload();
      const toAcknowledge = workItem(phone, "待签收");
      await expect(toAcknowledge).toHaveCount(1);
      await toAcknowledge.getByRole("button", { name: "签收" }).click();
      await expect(phone.getByText("已签收")).toBeVisible();
      await expect(toAcknowledge).toHaveCount(0);

      const toReport = workItem(phone, "待填报");
      await expect(toReport).toHaveCount(1);
      await toReport.getByRole("button", { name: "填报" }).click();
      await expect(phone).toHaveURL(/\/assignments\/[^/]+\/report$/);
      await expect(phone.getByRole("heading", { name: `9. ${TASK_9}` })).toBeVisible();
      await expect(phone.getByText("这项工作尚未签收")).toBeHidden();

      await phone.getByLabel("进度（%）").fill("60");
      await phone.getByLabel("本期完成情况").fill("新增公办学位120个，两所公办园改扩建完成。");
      await phone.getByLabel(`${INDICATOR}（%）`).fill("60");
      await phone
        .locator(".ant-form-item")
        .filter({ hasText: "佐证材料" })
        .locator('input[type="file"]')
        .setInputFiles({ name: "新园舍.png", mimeType: "image/png", buffer: solidPng() });
      const uploaded = phone.locator(".ant-upload-list-item").filter({ hasText: "新园舍.png" });
      await expect(uploaded).toBeVisible();
      await expect(uploaded).not.toHaveClass(/ant-upload-list-item-(uploading|error)/);
      await expect(uploaded.getByRole("link", { name: "新园舍.png" }).last()).toHaveAttribute(
        "href",
        /\/api\/files\/[^/]+\?inline=1$/,
      );
      await expectFitsWidth(phone);

      await phone.getByRole("button", { name: "提交" }).click();
      await expect(phone.getByText("已提交，等待审核", { exact: true })).toBeVisible();
      await expect(phone).toHaveURL((url) => url.pathname === "/");
    });

    await test.step("学前教育科 reviews from 我的工作 and 退回 with a reason", async () => {
      await dept.goto("/");
      const toReview = workItem(dept, "待审核");
      await expect(toReview).toHaveCount(1);
      await expect(toReview).toContainText(SCHOOL);
      await expect(toReview).toContainText("进度 60%");
      await toReview.getByRole("button", { name: "审核" }).click();
      await expect(dept).toHaveURL(new RegExp(`/plans/${planId}/tasks/[^/#]+#report-`));

      const report = reportCard(dept);
      await expect(report).toContainText("已提交");
      await expect(report).toContainText("新增公办学位120个");
      await expect(report).toContainText("60 %");
      // The photo is shown from the stored file, so it must decode as an image.
      const photo = report.getByRole("img", { name: "新园舍.png" });
      await expect(photo).toBeVisible();
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(8);
      await report.getByRole("button", { name: "退回" }).click();
      const dialog = dept.getByRole("dialog", { name: `退回 ${SCHOOL} 的填报` });
      await dialog.getByLabel("退回原因").fill(returnReason);
      await dialog.getByRole("button", { name: "确认退回" }).click();
      await expect(dept.getByText("已退回", { exact: true }).first()).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(report).toContainText(`退回（${returnReason}）`);
    });

    await test.step("the kindergarten sees the reason under 被退回, edits and resubmits", async () => {
      await phone.reload();
      const returned = workItem(phone, "被退回");
      await expect(returned).toHaveCount(1);
      await expect(returned).toContainText(`退回原因：${returnReason}`);
      await returned.getByRole("button", { name: "修改并重新提交" }).click();
      await expect(phone.getByText("本期填报被退回，请修改后重新提交")).toBeVisible();
      await expect(phone.getByText(`退回原因：${returnReason}`)).toBeVisible();
      // The returned report keeps what was written, the photo included.
      await expect(phone.getByLabel("进度（%）")).toHaveValue("60");
      await expect(phone.getByLabel(`${INDICATOR}（%）`)).toHaveValue("60");
      await expect(phone.locator(".ant-upload-list-item").filter({ hasText: "新园舍.png" })).toBeVisible();

      await phone
        .getByLabel("本期完成情况")
        .fill("新增公办学位120个，两所公办园改扩建完成；已补充新增学位明细和园舍照片。");
      await expectFitsWidth(phone);
      await phone.getByRole("button", { name: "提交" }).click();
      await expect(phone.getByText("已提交，等待审核", { exact: true })).toBeVisible();
      await expect(workItem(phone, "被退回")).toHaveCount(0);
    });

    await test.step("学前教育科 通过 the resubmitted report", async () => {
      await dept.goto("/");
      const toReview = workItem(dept, "待审核");
      await expect(toReview).toHaveCount(1);
      await toReview.getByRole("button", { name: "审核" }).click();
      const report = reportCard(dept);
      await expect(report).toContainText("已补充新增学位明细");
      await report.getByRole("button", { name: "通过" }).click();
      await expect(dept.getByText("已通过", { exact: true }).first()).toBeVisible();
      await expect(report.getByRole("button", { name: "通过" })).toBeHidden();
    });

    await test.step("the task page keeps the whole history: 提交, 退回, 重新提交, 通过", async () => {
      const history = reportCard(dept).locator(".ant-timeline-item-content");
      await expect(history).toHaveCount(4);
      await expect(history.nth(0)).toContainText(/^提交 · /);
      await expect(history.nth(1)).toContainText(`退回（${returnReason}） · 张科长`);
      await expect(history.nth(2)).toContainText(/^重新提交 · /);
      await expect(history.nth(3)).toContainText(/^通过 · 张科长/);
    });

    await test.step("the plan page shows task 9 滞后 and the indicator's value 60 %, reported by 1 of the assigned kindergartens", async () => {
      await dept.getByRole("link", { name: /^← / }).click();
      await expect(dept).toHaveURL(new RegExp(`/plans/${planId}$`));
      const taskRow = dept.getByRole("row").filter({ has: dept.getByRole("link", { name: TASK_9 }) });
      // The server's day is 2023-06-15 (E2E_NOW), when the year's 序时进度 is 45 %. One of the six (or more) public
      // kindergartens is at 60 %, so the task is at 10 %: more than 10 points behind, 滞后 (not yet 逾期).
      const lights = Object.values(lightLabels).join("|");
      const light = taskRow.getByRole("cell").filter({ hasText: new RegExp(`^(${lights})$`) });
      await expect(light).toHaveCount(1);
      await expect(light).toHaveText("滞后");
      await taskRow.getByRole("button", { name: "展开行" }).click();

      const indicatorRow = dept
        .getByRole("row")
        .filter({ has: dept.getByRole("cell", { name: INDICATOR, exact: true }) })
        .filter({ hasNot: dept.getByRole("table") });
      await expect(indicatorRow).toHaveCount(1);
      await expect(indicatorRow).toContainText("≥ 50 %");
      await expect(indicatorRow.getByRole("cell", { name: "60 %", exact: true })).toBeVisible();
      // One of the assigned kindergartens is in: 60 % of an average is not yet 已达成.
      await expect(indicatorRow).toContainText(`已报 1/${assigned}`);
      await expect(indicatorRow).toContainText("进展正常");
      await expect(indicatorRow).not.toContainText("已达成");
    });
  } finally {
    await department.context.close();
    await school.context.close();
  }
});

/** The report card the review link scrolled to (the task has one report in this cycle). */
function reportCard(page: Page) {
  return page.locator('div[id^="report-"]').filter({ hasText: SCHOOL });
}

/** Nothing on the phone's page is wider than the screen. */
async function expectFitsWidth(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 390);
}
