import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, expectHome, signInThroughForm } from "./helpers";

test.describe("login page", () => {
  test("signs the admin in with 账号 and 密码 and lands on 工作台", async ({ page }) => {
    await signInThroughForm(page, "admin", DEMO_PASSWORD);

    await expectHome(page, "系统管理员");
    await expect(page.getByRole("menuitem", { name: "我的工作" })).toBeVisible();
    // The session is a real one: the API now knows who is signed in.
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).login).toBe("admin");
  });

  test("shows the server's Chinese message for a wrong password and stays on the login page", async ({
    page,
  }) => {
    const answer = page.waitForResponse((res) => res.url().endsWith("/api/auth/login"));
    await signInThroughForm(page, "admin", "Wrong#Pass2023");

    const res = await answer;
    expect(res.status()).toBe(401);
    const { error } = await res.json();
    expect(error.message).toBe("账号或密码错误");
    await expect(page.getByRole("alert")).toHaveText("账号或密码错误");
    await expect(page).toHaveURL(/\/login$/);
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  });
});
