import { expect, test } from "./fixtures";
import { signInAs } from "./helpers";

// The admin areas of packages/web/src/app-routes.tsx that a school reporter may not open.
for (const path of ["/users", "/units", "/groups", "/audit"]) {
  test(`a school user opening ${path} sees the 403 page`, async ({ page }) => {
    await signInAs(page, "xicheng", path);

    await expect(page.getByText("无权访问此页面")).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === path);
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.getByRole("button", { name: "返回工作台" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
  });
}

test("the API answers GET /api/users with 403 for the school user's session", async ({ page }) => {
  await signInAs(page, "xicheng");

  const res = await page.request.get("/api/users");
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
  // The same session is a valid one: the refusal is about the role, not a missing login.
  expect((await page.request.get("/api/auth/me")).status()).toBe(200);
});
