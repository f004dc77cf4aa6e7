import { expect, type Locator, type Page } from "@playwright/test";

/** The password of every demo account. */
export const DEMO_PASSWORD = "Duban@2023";

/** Signs in through the API (sharing the page's cookies), then opens a page of the app. */
export async function signInAs(page: Page, login: string, path = "/"): Promise<void> {
  const res = await page.request.post("/api/auth/login", { data: { login, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(path);
}

/** Signs in through the login page's form, as a person would. */
export async function signInThroughForm(page: Page, login: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("账号").fill(login);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Waits for 工作台 of the named user: the root path, the greeting and the 我的信息 card. */
export async function expectHome(page: Page, userName: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`，${userName}$`) })).toBeVisible();
  await expect(page.getByText("我的信息", { exact: true })).toBeVisible();
}

/** The entries of the side menu (or of the drawer on a phone). */
export function sideMenuItems(scope: Page | Locator): Locator {
  return scope.getByRole("menu").getByRole("menuitem");
}

/** A suffix no earlier run against the same server has used, for names and logins. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, "0")}`;
}

/**
 * Picks an option of an Ant Design select found by its form label, typing `search` first when given.
 * The dropdown animates and may flip above the field while opening, so a click can land beside the
 * option; the pick is retried until the form item shows it.
 */
export async function chooseOption(
  scope: Locator,
  label: string,
  option: string,
  search?: string,
): Promise<void> {
  const page = scope.page();
  const combobox = scope.getByLabel(label, { exact: true });
  const formItem = scope.locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    if ((await combobox.getAttribute("aria-expanded")) !== "true") await combobox.click();
    if (search !== undefined) await combobox.fill(search);
    // Closed dropdowns stay in the DOM hidden; only the open one is visible.
    await page
      .locator(".ant-select-dropdown:visible")
      .getByTitle(option, { exact: true })
      .click({ timeout: 3_000 });
    await expect(formItem).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
