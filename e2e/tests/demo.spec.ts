import { expect, type Locator, test } from "./fixtures";
import { signInApi, signInAs } from "./helpers";

/** The demo plan: the server's first start publishes it on 2023-05-04, before any spec publishes its own. */
async function demoPlanId(request: import("@playwright/test").APIRequestContext): Promise<string> {
  await signInApi(request, "ducha");
  const res = await request.get("/api/plans?pageSize=100");
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: { id: string; publishedAt: string | null }[] };
  const published = items
    .filter((p) => p.publishedAt)
    .sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
  expect(published[0]?.publishedAt).toBe("2023-05-04T01:00:00.000Z");
  return published[0]!.id;
}

/** Pixels of a chart's canvas that are drawn: neither transparent nor white. */
async function drawnPixels(chart: Locator): Promise<number> {
  return chart
    .locator("canvas")
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3]! > 0 && !(data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245)) drawn += 1;
      return drawn;
    });
}

test("the demo bureau shows its plan on first start: the leader's cockpit, the issued 通报 and the public page", async ({
  page,
  browser,
  baseURL,
}) => {
  const planId = await demoPlanId(page.request);

  await test.step("the leader's cockpit has the overdue task, task 9's kindergartens and a drawn trend", async () => {
    await signInAs(page, "juzhang", `/?plan=${planId}`);
    const cockpit = page.getByRole("region", { name: "领导驾驶舱" });
    await expect(cockpit.getByText("截至 2023-06-15（实时）")).toBeVisible();
    // Task 8 was brought forward to 31 May and is not done: the one red task of the demo.
    await expect(
      cockpit.getByRole("list", { name: "任务亮灯统计" }).getByRole("link", { name: /红 逾期/ }),
    ).toHaveText("● 红 逾期 1");
    for (const name of ["进度趋势", "学校任务亮灯热力图"]) {
      const chart = page.getByRole("img", { name, exact: true });
      await expect(chart.locator("canvas").first()).toBeVisible();
      await expect.poll(() => drawnPixels(chart), { message: `${name} is drawn` }).toBeGreaterThan(500);
    }
  });

  await test.step("督查室 finds the May 通报 issued with the year's first 文号", async () => {
    await signInAs(page, "ducha", `/bulletins?plan=${planId}`);
    const row = page.getByRole("row").filter({ hasText: "关于2023年5月重点工作落实情况的督查通报" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("瓦教督通〔2023〕1号");
  });

  await test.step("the public page shows the two published sections, signed out", async () => {
    const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const anonymous = await context.newPage();
    await anonymous.goto(`/public/wafangdian/${planId}`);
    await expect(anonymous.getByRole("heading", { name: "瓦房店市教育局2023年工作要点" })).toBeVisible();
    await expect(anonymous.getByText("努力办好人民更加满意的教育").first()).toBeVisible();
    await expect(anonymous.getByText("扎实推动教育公平与改革发展").first()).toBeVisible();
    await expect(anonymous.getByText("坚持和加强党对教育事业的全面领导")).toHaveCount(0);
    await context.close();
  });
});
