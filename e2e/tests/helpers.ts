import { expect, type Page } from "@playwright/test";

/** The password of every demo account. */
export const DEMO_PASSWORD = "Duban@2023";

/** Signs in through the API (sharing the page's cookies), then opens a page of the app. */
export async function signInAs(page: Page, login: string, path = "/"): Promise<void> {
  const res = await page.request.post("/api/auth/login", { data: { login, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(path);
}
