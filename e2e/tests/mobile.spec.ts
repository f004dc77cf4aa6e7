import { expect, test } from "./fixtures";
import { expectHome, sideMenuItems, signInAs } from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("the school user's 工作台 fits a phone and the menu opens as a drawer", async ({ page }) => {
  await signInAs(page, "xicheng");
  await expectHome(page, "刘园长");
  // The unit's own name field: a 督办单 the scheduler raised for the school may name it in the work list too.
  await expect(page.getByText("瓦房店市西城幼儿园", { exact: true })).toBeVisible();

  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.document).toBeLessThanOrEqual(390);
  expect(widths.body).toBeLessThanOrEqual(390);

  // On a phone there is no side menu until the drawer is opened.
  await expect(sideMenuItems(page)).toHaveCount(0);
  await page.getByRole("button", { name: "打开菜单" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText("瓦房店市教育局");
  const items = sideMenuItems(drawer);
  await expect(items.first()).toHaveText("我的工作");
  await expect(items.filter({ hasText: "用户" })).toHaveCount(0);

  await items.first().click();
  await expect(drawer).toBeHidden();
  await expectHome(page, "刘园长");
});
