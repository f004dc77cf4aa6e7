import { expect, type Locator, type Page, test } from "./fixtures";
import { chooseOption, openAs, postJson, publishSeedPlan, unitIdByName } from "./helpers";

/** The server's day in browser tests (`E2E_NOW` of playwright.config.ts). */
const E2E_NOW = "2023-06-15T09:00:00+08:00";
const XICHENG = "瓦房店市西城幼儿园";
const DIER = "瓦房店市第二幼儿园";

/** The ranking row of a unit on the run page's open category tab: 名次, 单位, 总分, 等次. */
function rankingRow(page: Page, unit: string): Locator {
  return page.getByRole("tabpanel").getByRole("row").filter({ hasText: unit });
}

async function expectRow(page: Page, unit: string, rank: number, total: string, grade: RegExp) {
  const cells = rankingRow(page, unit).getByRole("cell");
  await expect(cells.nth(0)).toHaveText(String(rank));
  await expect(cells.nth(2)).toHaveText(total);
  await expect(cells.nth(3)).toHaveText(grade);
}

/** Nothing on the page is wider than the 390 px phone, nor scrolls sideways inside. */
async function expectFitsPhone(page: Page): Promise<void> {
  await expect(page.locator(".ant-spin-spinning")).toHaveCount(0);
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
  expect(width).toBeLessThanOrEqual(390);
  const scrollers = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => {
        const { overflowX } = getComputedStyle(el);
        return (overflowX === "auto" || overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")}`),
  );
  expect(scrollers).toEqual([]);
}

test("督查室 edits the scheme, previews, runs and publishes; a school appeals on its phone; the accepted appeal moves its rank", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  // The browser's today is the server's, so 预览（按今天试评）and 正式考评 take the facts of 2023-06-15.
  await page.clock.install({ time: new Date(E2E_NOW) });
  // A plan of its own: no assignments, reports or 督办单, so each kindergarten earns the full 100 points
  // but for the manual entries below.
  const { planId, csrf } = await publishSeedPlan(page.request);
  const xicheng = await unitIdByName(page.request, XICHENG);
  const dier = await unitIdByName(page.request, DIER);
  for (const [unitId, points, reason] of [
    [xicheng, -4, "发生一般安全责任事故，按规定扣分"],
    [dier, -2, "未按要求完成安全隐患排查整改"],
  ] as const)
    await postJson(page.request, csrf, `/api/plans/${planId}/assessment-entries`, {
      unitId,
      itemKey: "bonus",
      points,
      reason,
    });

  // The 督查室 moves 5 points from 报送纪律 to 任务完成 for kindergartens and raises 优秀 to 97, without a quota.
  await page.goto(`/assessments?plan=${planId}&tab=scheme`);
  await expect(page.getByRole("heading", { name: "考评", exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("tab", { name: "幼儿园" }).click();
  const panel = page.getByRole("tabpanel", { name: "幼儿园" });
  await panel.getByRole("spinbutton", { name: "报送纪律分值" }).fill("15");
  await expect(panel.getByText("分值合计 95 / 100 分")).toBeVisible();
  await panel.getByRole("spinbutton", { name: "任务完成分值" }).fill("45");
  await expect(panel.getByText("分值合计 100 / 100 分")).toBeVisible();
  await panel.getByRole("spinbutton", { name: "优秀分数线" }).fill("97");
  await panel.getByRole("spinbutton", { name: "优秀比例上限" }).fill("100");
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page.getByText("考评方案已保存")).toBeVisible();
  const saved = await (await page.request.get(`/api/plans/${planId}/assessment-scheme`)).json();
  const kindergarten = saved.scheme.categories.find((c: { key: string }) => c.key === "kindergarten");
  expect(kindergarten.items.map((i: { points: number }) => i.points)).toEqual([45, 15, 15, 10, 15, 0, 0]);
  expect(kindergarten.bands[0]).toEqual({ grade: "优秀", min: 97, quotaPercent: 100 });

  // 预览: a trial run as of today, opened on its ranking.
  await page.getByRole("tab", { name: "考评批次" }).click();
  await page.getByRole("button", { name: "预览（按今天试评）" }).click();
  await expect(page.getByRole("heading", { name: "试评结果" })).toBeVisible();
  const trialId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const trial = await (await page.request.get(`/api/assessments/${trialId}/results?pageSize=200`)).json();
  expect(trial.total).toBeLessThanOrEqual(200);
  const size = trial.items.filter((r: { category: string }) => r.category === "kindergarten").length;
  expect(size).toBeGreaterThanOrEqual(2);
  await page.getByRole("tab", { name: `幼儿园（${size}）` }).click();
  await expectRow(page, XICHENG, size, "96", /^良好/);
  await expectRow(page, DIER, size - 1, "98", /^优秀/);

  // 正式考评 locks the scheme, then 发布 opens the appeal window.
  await page.getByRole("button", { name: "返回考评批次" }).click();
  await page.getByRole("button", { name: "正式考评" }).click();
  await expect(page.getByText(/并锁定考评方案/)).toBeVisible();
  await page.getByRole("button", { name: "开始正式考评" }).click();
  await expect(page.getByRole("heading", { name: "考评结果" })).toBeVisible();
  const runPath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "发布", exact: true }).click();
  // A click on the confirmation while it is still opening can be lost (no request is sent): click until the
  // publication is confirmed; a click while it is being sent lands on the loading button and does nothing.
  const confirm = page.getByRole("tooltip").getByRole("button", { name: "发布", exact: true });
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.click({ timeout: 2_000 });
    await expect(page.getByText("已发布，各单位可查看结果并在申诉期内申诉")).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("已发布（申诉期）")).toBeVisible();
  await expect(page.getByText("2023-06-20")).toBeVisible();

  // 西城幼儿园 reads its result on a phone and appeals.
  const { context, page: phone } = await openAs(browser, baseURL, "xicheng", "/my-assessments", {
    phone: true,
  });
  try {
    await expect(phone.getByRole("heading", { name: "我的考评" })).toBeVisible();
    await phone.getByRole("list", { name: "记录列表" }).getByRole("listitem").first().click();
    await expect(phone.getByRole("heading", { name: "我的考评结果" })).toBeVisible();
    await expect(phone.getByText(`第 ${size} 名 / 共 ${size} 所`)).toBeVisible();
    await expect(phone.getByText("良好", { exact: true })).toBeVisible();
    await expect(phone.getByText("发生一般安全责任事故，按规定扣分")).toBeVisible();
    await expect(phone.getByText("合计 96 分")).toBeVisible();
    await expect(phone.getByText(/请在 2023-06-20 前提出申诉/)).toBeVisible();
    await expectFitsPhone(phone);
    await phone
      .getByLabel("申诉理由")
      .fill("事故系第三方施工造成，已由区安监部门认定非我园责任，请求核减扣分。");
    await phone.getByRole("button", { name: "提交申诉" }).click();
    await phone.getByRole("tooltip").getByRole("button", { name: "提交" }).click();
    await expect(phone.getByText("申诉已提交，请等待督查室答复")).toBeVisible();
    await expect(phone.getByText("待处理")).toBeVisible();

    // The 督查室 accepts it, giving back 3 of the 4 points; finalising waits for no appeal now.
    await page.goto(runPath);
    await expect(page.getByRole("button", { name: "定档（还有 1 件申诉待处理）" })).toBeDisabled();
    await page
      .getByRole("row")
      .filter({ hasText: "事故系第三方施工造成" })
      .getByRole("button", { name: "采纳", exact: true })
      .click();
    const dialog = page.getByRole("dialog", { name: `采纳${XICHENG}的申诉` });
    await chooseOption(dialog, "考评项", "加减分");
    await dialog.getByLabel("调整分值").fill("3");
    await dialog.getByLabel("答复意见").fill("经核实事故主要责任在施工方，核减扣分 3 分。");
    await dialog.getByRole("button", { name: "采纳并调整" }).click();
    await expect(page.getByText("已采纳，排名已重新计算")).toBeVisible();
    await page.getByRole("tab", { name: `幼儿园（${size}）` }).click();
    await expectRow(page, XICHENG, size - 1, "99", /^优秀/);
    await expectRow(page, DIER, size, "98", /^优秀/);
    await page.getByRole("button", { name: "定档", exact: true }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "定档", exact: true }).click();
    await expect(page.getByText("考评结果已定档")).toBeVisible();

    // The school reads the decision and its new place.
    await phone.reload();
    await expect(phone.getByText(`第 ${size - 1} 名 / 共 ${size} 所`)).toBeVisible();
    await expect(phone.getByText("合计 99 分")).toBeVisible();
    await expect(phone.getByText("已采纳")).toBeVisible();
    // The decision under its appeal, and the points it gave back in the breakdown.
    await expect(
      phone.getByText("经核实事故主要责任在施工方，核减扣分 3 分。", { exact: true }),
    ).toBeVisible();
    await expect(
      phone.getByText("申诉采纳：经核实事故主要责任在施工方，核减扣分 3 分。（+3 分）"),
    ).toBeVisible();
    await expectFitsPhone(phone);
  } finally {
    await context.close();
  }
});
