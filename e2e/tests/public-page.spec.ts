import { expect, test } from "./fixtures";
import { openAs, publishSeedPlan } from "./helpers";

const PHONE_WIDTH = 390;

interface PublicSettings {
  version: number;
  path: string;
  nodes: { id: string; level: string; title: string; parentId: string | null }[];
  indicators: { id: string; nodeId: string }[];
}

test("the 督查室 makes two sections public and the page renders signed out on a phone", async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  const { planId, csrf } = await publishSeedPlan(request);
  const settings = (await (
    await request.get(`/api/plans/${planId}/public-settings`)
  ).json()) as PublicSettings;
  const sections = settings.nodes.filter((n) => n.level === "section").slice(0, 2);
  const inSections = (nodeId: string): boolean => {
    for (let at: string | null = nodeId; at; at = settings.nodes.find((n) => n.id === at)?.parentId ?? null)
      if (sections.some((s) => s.id === at)) return true;
    return false;
  };
  const saved = await request.put(`/api/plans/${planId}/public-settings`, {
    headers: { "X-CSRF-Token": csrf },
    data: {
      public: true,
      nodeIds: sections.map((s) => s.id),
      indicatorIds: settings.indicators.filter((i) => inSections(i.nodeId)).map((i) => i.id),
      version: settings.version,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  expect(settings.path).toBe(`/public/wafangdian/${planId}`);

  // The office sees the switch on in the plan page's drawer.
  const office = await openAs(browser, baseURL, "ducha", `/plans/${planId}`);
  await office.page.getByRole("button", { name: "公开设置" }).click();
  await expect(office.page.getByRole("switch", { name: "公开本计划" })).toBeChecked();
  await office.context.close();

  // Nobody signed in: a fresh context without cookies, phone-sized.
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: PHONE_WIDTH, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(settings.path);
  await expect(page.getByRole("heading", { name: "瓦房店市教育局2023年工作要点" })).toBeVisible();
  await expect(page.getByText("瓦房店市教育局", { exact: true })).toBeVisible();
  await expect(page.getByText("数据截至 2023-06-15")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "公开任务平均进度" })).toBeVisible();
  for (const section of sections) await expect(page.getByText(section.title, { exact: true })).toBeVisible();
  // Nothing of the sign-in frame, and nothing wider than the phone.
  await expect(page.getByRole("button", { name: "打开菜单" })).toHaveCount(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE_WIDTH);
  const shot = testInfo.outputPath("public-page-390.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("public-page-390", { path: shot, contentType: "image/png" });
  await context.close();
});
