import { planTextToDocx } from "../../packages/server/src/files/test-helpers.js";
import { expect, test } from "./fixtures";
import { seedPlanText, signInAs } from "./helpers";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const TASK_9 = "促进学前教育普及普惠发展";
const INDICATOR = "公办幼儿园在园幼儿占比";

test("the supervisor uploads the seed plan as .docx, fixes a target in review and publishes it", async ({
  page,
}) => {
  // Upload, parse, review, save, publish and the plan page in one flow.
  test.slow();
  // Word list numbering: the 一、/（一）/1. labels are not in the text, so the reader must render them back.
  const docx = Buffer.from(await planTextToDocx(seedPlanText(), { numbering: true }));

  await test.step("新建计划 → 上传文件: the review screen shows what the parser found", async () => {
    await signInAs(page, "ducha", "/plans/new");
    await expect(page.getByRole("heading", { name: "新建计划" })).toBeVisible();
    await page.getByRole("tab", { name: "上传文件" }).click();
    await page
      .getByRole("tabpanel", { name: "上传文件" })
      .locator('input[type="file"]')
      .setInputFiles({ name: "瓦房店市教育局2023年工作要点.docx", mimeType: DOCX_MIME, buffer: docx });

    await expect(page).toHaveURL(/\/plan-imports\/[^/]+$/);
    await expect(page.getByRole("heading", { name: "审核计划" })).toBeVisible();
    await expect(page.getByTestId("review-counts")).toHaveText("6 个部分 · 24 项任务 · 9 个指标 · 1 个节点");
    await expect(page.getByText("瓦房店市教育局2023年工作要点.docx", { exact: true })).toBeVisible();
  });

  await test.step("task 9's 公办幼儿园在园幼儿占比 target: 50 → 55, then 保存草稿", async () => {
    await page.getByRole("region", { name: "结构" }).getByText(TASK_9).click();
    // The target's entry in the detail panel (its measure's sentence names the indicator too).
    const target = page.getByRole("listitem").filter({ hasText: new RegExp(`^指标${INDICATOR} `) });
    await expect(target).toContainText("≥ 50 %");
    await page.getByRole("button", { name: `编辑指标“${INDICATOR}”` }).click();

    const dialog = page.getByRole("dialog", { name: "编辑指标" });
    await expect(dialog.getByLabel("指标名称")).toHaveValue(INDICATOR);
    await dialog.getByLabel("目标值").fill("55");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog).toBeHidden();
    await expect(target).toContainText("≥ 55 %");
    await expect(page.getByText("有未保存的修改")).toBeVisible();

    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("有未保存的修改")).toBeHidden();
    await expect(page.getByRole("button", { name: "保存草稿" })).toBeDisabled();
    // The counts are unchanged by an edited value.
    await expect(page.getByTestId("review-counts")).toHaveText("6 个部分 · 24 项任务 · 9 个指标 · 1 个节点");
  });

  await test.step("发布 → 确认发布 (and 仍要发布 when this server has published the seed before)", async () => {
    await page.getByRole("button", { name: "发布", exact: true }).click();
    const confirm = page.getByRole("dialog").filter({ hasText: "发布《瓦房店市教育局2023年工作要点》？" });
    await expect(confirm).toContainText("6 个部分、24 项任务、9 个指标、1 个节点");
    await confirm.getByRole("button", { name: "确认发布" }).click();

    const again = page.getByRole("button", { name: "仍要发布" });
    const published = page.getByText("计划已发布");
    await expect(published.or(again)).toBeVisible();
    if (await again.isVisible()) {
      await expect(page.getByRole("dialog").filter({ hasText: "同一份文档已发布过" })).toBeVisible();
      await again.click();
    }
    await expect(published).toBeVisible();
  });

  await test.step("the plan page shows the plan and task 9's target as corrected", async () => {
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    await expect(page.getByRole("heading", { name: "瓦房店市教育局2023年工作要点" })).toBeVisible();
    await expect(page.getByText("6 个部分 · 24 项任务 · 9 个指标 · 1 个节点")).toBeVisible();

    const taskRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: TASK_9 }) });
    await expect(taskRow).toHaveCount(1);
    await expect(taskRow).toContainText("学前教育科");
    await taskRow.getByRole("button", { name: "展开行" }).click();

    // The indicator's own row of the nested table, not the detail row that holds that table.
    const indicatorRow = page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: INDICATOR, exact: true }) })
      .filter({ hasNot: page.getByRole("table") });
    await expect(indicatorRow).toHaveCount(1);
    await expect(indicatorRow).toContainText("≥ 55 %");
    // A year-only deadline reads as the year, in the web's one date format (2023, 2023-09, 2023-09-30).
    await expect(indicatorRow.getByRole("cell", { name: "2023", exact: true })).toHaveCount(1);
    await expect(indicatorRow).not.toContainText("≥ 50 %");
  });
});
