import fs from "node:fs";
import { expect, test } from "./fixtures";
import { publishSeedPlan } from "./helpers";

/** The server's day in browser tests (`E2E_NOW` of playwright.config.ts). */
const E2E_NOW = "2023-06-15T09:00:00+08:00";

test("督查室 drafts a 督查通报 from the snapshots, edits a paragraph, issues it and downloads the Word file", async ({
  page,
}) => {
  test.slow();
  // The browser's calendar on the server's day, so "this month" in the dialog ends on a day already recorded.
  await page.clock.install({ time: new Date(E2E_NOW) });
  // Publishing records the plan's snapshot of the day, which the draft is written from.
  const { planId } = await publishSeedPlan(page.request);
  await page.goto(`/bulletins?plan=${planId}`);
  await expect(page.getByRole("heading", { name: "督查通报" })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("button", { name: /起草通报/ }).click();
  const dialog = page.getByRole("dialog", { name: "起草督查通报" });
  const title = `2023年6月重点工作落实情况督查通报（${Date.now().toString(36)}）`;
  await dialog.getByLabel("标题").fill(title);
  await dialog.getByRole("button", { name: "生成草稿" }).click();

  // The draft opens in the editor, written from the snapshots in the bureau's six parts.
  await expect(page.getByRole("heading", { name: "编辑督查通报" })).toBeVisible();
  await expect(page.getByLabel("第1块标题", { exact: true })).toHaveValue("一、总体进展");
  await expect(page.getByLabel("第2块段落", { exact: true })).toHaveValue(
    /^截至2023年6月15日，《.+》共\d+项重点任务/,
  );
  const edited = "截至2023年6月15日，各项重点任务总体按序时推进。";
  await page.getByLabel("第2块段落", { exact: true }).fill(edited);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存")).toBeVisible();

  await page.getByRole("button", { name: "印发", exact: true }).click();
  await expect(page.getByText(/印发后将编发文号/)).toBeVisible();
  await page.getByRole("tooltip").getByRole("button", { name: "印发", exact: true }).click();
  await expect(page.getByText(/^已印发，文号 .+〔2023〕\d+号$/)).toBeVisible();

  // Read-only now, with its number and the edited paragraph.
  await expect(page.getByRole("heading", { name: "督查通报", exact: true })).toBeVisible();
  const number =
    (
      await page
        .locator(".ant-descriptions-item")
        .filter({ hasText: "文号" })
        .locator(".ant-descriptions-item-content")
        .textContent()
    )?.trim() ?? "";
  expect(number).toMatch(/^.+〔2023〕\d+号$/);
  await expect(page.getByText(edited)).toBeVisible();
  await expect(page.getByLabel("第2块段落", { exact: true })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /下载 Word/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${number}${title}.docx`);
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
});
