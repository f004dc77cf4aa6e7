import { expect, test } from "./fixtures";
import { chooseFilter, chooseOption, openAs, shanghaiDateInDays, solidPng, uniqueSuffix } from "./helpers";

const SCHOOL = "瓦房店市西城幼儿园";

test("责任督学 records a visit, turns a finding into a 整改 item; the kindergarten submits evidence and the inspector 销号", async ({
  browser,
  baseURL,
}) => {
  // Two users, an upload and a verification: give it three times the usual time.
  test.slow();
  const suffix = uniqueSuffix();
  const finding1 = `户外活动场地地面破损，存在安全隐患（${suffix}）`;
  const finding2 = `晨检记录不完整（${suffix}）`;
  const requirement = "一个月内完成场地修缮，修缮前设置警示标识并停止使用。";
  const deadline = shanghaiDateInDays(30);
  const measures = "已设置警示标识，聘请施工队更换塑胶地面，已于本周完工并验收。";
  const inspector = await openAs(browser, baseURL, "duxue", "/");
  const duxue = inspector.page;
  const school = await openAs(browser, baseURL, "xicheng", "/", { phone: true });
  const phone = school.page;
  try {
    await test.step("责任督学 records a visit to 西城幼儿园 with two findings", async () => {
      await duxue.getByRole("menu").getByRole("menuitem", { name: "督导检查" }).click();
      await expect(duxue).toHaveURL(/\/inspections$/);
      await duxue.getByRole("button", { name: "记录督导" }).click();
      const dialog = duxue.getByRole("dialog", { name: "记录督导" });
      await chooseOption(dialog, "学校", SCHOOL, "西城");
      await dialog.getByPlaceholder("问题 1").fill(finding1);
      await dialog.getByRole("button", { name: "添加问题" }).click();
      await dialog.getByPlaceholder("问题 2").fill(finding2);
      await dialog.getByRole("button", { name: "保存" }).click();
      await expect(duxue.getByText("督导记录已保存")).toBeVisible();
      await expect(dialog).toBeHidden();

      const visit = duxue.getByRole("row").filter({ hasText: SCHOOL }).filter({ hasText: "2 个未转整改" });
      await expect(visit).toHaveCount(1);
      await expect(visit).toContainText("经常性督导");
      await expect(duxue.getByRole("listitem").filter({ hasText: finding1 })).toBeVisible();
      await expect(duxue.getByRole("listitem").filter({ hasText: finding2 })).toBeVisible();
    });

    await test.step("责任督学 turns the first finding into a 整改 item with a requirement and a deadline", async () => {
      const first = duxue.getByRole("listitem").filter({ hasText: finding1 });
      await first.getByRole("button", { name: "转为整改" }).click();
      const dialog = duxue.getByRole("dialog", { name: `转为整改：${SCHOOL}` });
      await expect(dialog).toContainText(`问题：${finding1}`);
      await dialog.getByLabel("整改要求").fill(requirement);
      const date = dialog.getByLabel("整改时限");
      await date.click();
      await date.fill(deadline);
      await date.press("Enter");
      await expect(date).toHaveValue(deadline);
      await dialog.getByLabel("责任人").fill("王园长");
      await dialog.getByRole("button", { name: "转为整改" }).click();
      await expect(duxue.getByText("已转为整改事项")).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(first.getByRole("link", { name: "查看整改" })).toBeVisible();
      // The second finding stays open.
      const second = duxue.getByRole("listitem").filter({ hasText: finding2 });
      await expect(second.getByRole("button", { name: "转为整改" })).toBeVisible();
      await expect(
        duxue.getByRole("row").filter({ hasText: SCHOOL }).filter({ hasText: "1 个未转整改" }),
      ).toHaveCount(1);
    });

    await test.step("the kindergarten opens the item from 整改台账 on a phone and submits measures with a photo", async () => {
      await phone.reload();
      await phone.getByRole("button", { name: "打开菜单" }).click();
      await phone.getByRole("menu").getByRole("menuitem", { name: "整改台账" }).click();
      await expect(phone).toHaveURL(/\/rectifications$/);
      const row = phone
        .getByRole("list", { name: "记录列表" })
        .getByRole("listitem")
        .filter({ hasText: finding1 });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("督导检查");
      await expect(row).toContainText("待整改");
      await row.click();
      await expect(phone).toHaveURL(/\/rectifications\/[^/]+$/);
      await expect(phone.getByRole("heading", { name: `整改：${SCHOOL}` })).toBeVisible();
      await expect(phone.getByText(requirement)).toBeVisible();
      // Dates read as 2026-12-03 everywhere in the web.
      await expect(phone.locator(".ant-descriptions-item").filter({ hasText: "整改时限" })).toContainText(
        deadline,
      );

      await phone.getByLabel("整改措施").fill(measures);
      await phone
        .locator(".ant-form-item")
        .filter({ hasText: "佐证材料" })
        .locator('input[type="file"]')
        .setInputFiles({ name: "新地面.png", mimeType: "image/png", buffer: solidPng() });
      const uploaded = phone.locator(".ant-upload-list-item").filter({ hasText: "新地面.png" });
      await expect(uploaded).toBeVisible();
      await expect(uploaded).not.toHaveClass(/ant-upload-list-item-(uploading|error)/);
      await phone.getByRole("button", { name: "提交整改" }).click();
      await expect(phone.getByText("已提交整改情况，等待验收")).toBeVisible();
      await expect(phone.getByText("待验收", { exact: true })).toBeVisible();
      await expect(phone.locator(".ant-card").filter({ hasText: "整改情况" })).toContainText(measures);
    });

    await test.step("责任督学 opens the item from 整改台账, sees the evidence and 销号", async () => {
      await duxue.getByRole("menu").getByRole("menuitem", { name: "整改台账" }).click();
      await expect(duxue).toHaveURL(/\/rectifications$/);
      const row = duxue.getByRole("row").filter({ hasText: finding1 });
      await expect(row).toContainText("待验收");
      await row.click();
      const card = duxue.locator(".ant-card").filter({ hasText: "整改情况" });
      await expect(card).toContainText(measures);
      const photo = card.getByRole("img", { name: "新地面.png" });
      await expect(photo).toBeVisible();
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(8);

      await duxue.getByRole("button", { name: "销号", exact: true }).click();
      const dialog = duxue.getByRole("dialog", { name: /^销号：/ });
      await dialog.getByRole("button", { name: "确定销号" }).click();
      await expect(duxue.getByText("已销号").first()).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(duxue.getByRole("button", { name: "销号", exact: true })).toBeHidden();
      await expect(
        duxue
          .locator(".ant-descriptions-item")
          .filter({ hasText: "状态" })
          .getByText("已销号", { exact: true }),
      ).toBeVisible();
    });

    await test.step("the ledger's filters find it as 已销号 from 督导检查, and not among 待整改", async () => {
      await duxue.getByRole("link", { name: "← 整改台账" }).click();
      await expect(duxue).toHaveURL(/\/rectifications$/);
      await duxue.getByRole("searchbox", { name: "搜索整改事项" }).fill(suffix);
      await duxue.getByRole("searchbox", { name: "搜索整改事项" }).press("Enter");
      await chooseFilter(duxue, "按整改单位筛选", SCHOOL, "西城");
      await chooseFilter(duxue, "按来源筛选", "督导检查");
      await chooseFilter(duxue, "按状态筛选", "已销号");
      const row = duxue.getByRole("row").filter({ hasText: finding1 });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("已销号");
      await expect(row).toContainText("王园长");

      await chooseFilter(duxue, "按状态筛选", "待整改");
      await expect(duxue.getByText("暂无整改事项")).toBeVisible();
      await expect(row).toHaveCount(0);

      // The school's ledger shows it 已销号 as well.
      await phone.reload();
      await expect(phone.getByText("已销号", { exact: true }).first()).toBeVisible();
    });
  } finally {
    await inspector.context.close();
    await school.context.close();
  }
});
