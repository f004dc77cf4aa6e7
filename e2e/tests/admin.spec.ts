import { expect, type Page, test } from "./fixtures";
import { chooseOption, expectHome, signInAs, signInThroughForm, uniqueSuffix } from "./helpers";

/** Searches a list page and returns the table rows that mention the text. */
async function searchRows(page: Page, searchLabel: string, text: string) {
  const search = page.getByLabel(searchLabel);
  await search.fill(text);
  await search.press("Enter");
  return page.getByRole("row").filter({ hasText: text });
}

test("the admin creates a unit and a user, who must change the initial password at first login", async ({
  page,
  browser,
  baseURL,
}) => {
  // Four screens and two sign-ins (argon2id) in one flow: give it three times the usual time.
  test.slow();
  const suffix = uniqueSuffix();
  const unitName = `瓦房店市测试幼儿园${suffix}`;
  const userName = `测试园长${suffix}`;
  const login = `e2e.${suffix}`;
  const initialPassword = `Chushi#${suffix}1`;
  const newPassword = `Xinmima#${suffix}2`;

  await test.step("新建单位: a public kindergarten appears in the searched table", async () => {
    await signInAs(page, "admin", "/units");
    await page.getByRole("button", { name: "新建单位" }).click();
    const dialog = page.getByRole("dialog", { name: "新建单位" });
    await dialog.getByLabel("名称").fill(unitName);
    await expect(dialog.getByRole("radio", { name: "学校" })).toBeChecked();
    await chooseOption(dialog, "学校类型", "幼儿园");
    await chooseOption(dialog, "办学性质", "公办");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("单位已创建")).toBeVisible();
    await expect(dialog).toBeHidden();

    const rows = await searchRows(page, "搜索单位", unitName);
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("学校");
    await expect(rows).toContainText("幼儿园");
    await expect(rows).toContainText("公办");
    await expect(rows).toContainText("启用");
  });

  await test.step("新建用户: a school reporter of the new unit with an initial password", async () => {
    await page.getByRole("menuitem", { name: "用户管理" }).click();
    await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
    await page.getByRole("button", { name: "新建用户" }).click();
    const dialog = page.getByRole("dialog", { name: "新建用户" });
    await dialog.getByLabel("姓名").fill(userName);
    await dialog.getByLabel("账号").fill(login);
    await chooseOption(dialog, "所在单位", unitName, unitName);
    await chooseOption(dialog, "角色", "学校");
    await dialog.getByLabel("初始密码").fill(initialPassword);
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("用户已创建，首次登录时须修改初始密码")).toBeVisible();
    await expect(dialog).toBeHidden();

    const rows = await searchRows(page, "搜索用户", login);
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(userName);
    await expect(rows).toContainText(unitName);
    await expect(rows).toContainText("待改密");
    await expect(rows).toContainText("从未登录");
  });

  await test.step("the new user signs in, is sent to 修改密码, changes it and reaches 工作台", async () => {
    const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      const userPage = await context.newPage();
      await signInThroughForm(userPage, login, initialPassword);
      await expect(userPage).toHaveURL(/\/change-password$/);
      await expect(userPage.getByText("为了账号安全，请先修改初始密码后再使用系统")).toBeVisible();
      // Nothing else opens until the password is changed.
      await userPage.goto("/");
      await expect(userPage).toHaveURL(/\/change-password$/);

      await userPage.getByLabel("当前密码").fill(initialPassword);
      await userPage.getByLabel("新密码", { exact: true }).fill(newPassword);
      await userPage.getByLabel("确认新密码").fill(newPassword);
      await userPage.getByRole("button", { name: "修改密码" }).click();
      await expect(userPage.getByText("密码已修改")).toBeVisible();
      await expectHome(userPage, userName);
      await expect(userPage.getByText(unitName)).toBeVisible();

      // The initial password no longer signs in.
      const old = await userPage.request.post("/api/auth/login", {
        data: { login, password: initialPassword },
      });
      expect(old.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  await test.step("审计日志 shows the unit creation and the new user's login", async () => {
    await page.getByRole("menuitem", { name: "审计日志" }).click();
    await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
    const table = page.getByRole("table");
    const rowsWith = (...cells: string[]) =>
      cells.reduce(
        (rows, cell) => rows.filter({ has: page.getByRole("cell", { name: cell, exact: true }) }),
        table.getByRole("row"),
      );

    // The unit's name is only in the entry's summary, which the search covers and the row expands to.
    await searchRows(page, "搜索审计日志", unitName);
    const created = rowsWith("系统管理员", "新建单位");
    await expect(created).toHaveCount(1);
    await expect(table.getByRole("row")).toHaveCount(2);
    await created.getByRole("button", { name: "展开行" }).click();
    await expect(table).toContainText(unitName);

    await searchRows(page, "搜索审计日志", userName);
    await expect(rowsWith(userName, "登录")).toHaveCount(1);
    await expect(rowsWith(userName, "修改密码")).toHaveCount(1);
    await expect(rowsWith("系统管理员", "新建用户")).toHaveCount(1);
  });
});
