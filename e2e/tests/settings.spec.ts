import { expect, test } from "./fixtures";
import { chooseOption, openAs, publishSeedPlan, signInAs, uniqueSuffix } from "./helpers";

test("the admin saves a 钉钉 robot with its 加签 secret; neither is shown again, and a blank save keeps them", async ({
  page,
}) => {
  // A loopback address nobody listens on: the scheduler of this server may try it, and must not reach out.
  const token = `e2e${uniqueSuffix()}`;
  const webhook = `http://127.0.0.1:9/robot/send?access_token=${token}`;
  const secret = `SEC${uniqueSuffix()}secret`;
  await signInAs(page, "admin", "/settings/channels");
  await expect(page.getByRole("heading", { name: "消息渠道" })).toBeVisible();
  const card = page.locator(".ant-card").filter({ hasText: "钉钉群机器人" });

  await test.step("first save: webhook and secret", async () => {
    await card.getByLabel("Webhook 地址").fill(webhook);
    await card.getByLabel("加签密钥").fill(secret);
    await card.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("钉钉群机器人已保存")).toBeVisible();
    await expect(card.locator(".ant-card-head")).toContainText("已启用");
  });

  await test.step("the form shows that they are set, never what they are", async () => {
    await expect(card.getByLabel("Webhook 地址")).toHaveValue("");
    await expect(card.getByLabel("Webhook 地址")).toHaveAttribute("placeholder", "已设置（留空则不修改）");
    await expect(card.getByLabel("加签密钥")).toHaveAttribute("placeholder", "已设置（留空则不修改）");
    await expect(card).toContainText("当前：http://127.0.0.1:9/robot/send?…");
    await expect(card).not.toContainText(token);
    const api = await page.request.get("/api/channels");
    expect(api.status()).toBe(200);
    const body = await api.text();
    expect(body).not.toContain(token);
    expect(body).not.toContain(secret);
  });

  await test.step("switching it off with the secret fields blank keeps both", async () => {
    await card.getByRole("switch").click();
    await card.getByRole("button", { name: "保存" }).click();
    await expect(card.locator(".ant-card-head")).toContainText("已停用");
    const api = await page.request.get("/api/channels");
    const items = (
      (await api.json()) as { items: { kind: string; hasSecret: boolean; webhookHint: string }[] }
    ).items;
    const robot = items.find((c) => c.kind === "dingtalk");
    expect(robot?.hasSecret).toBe(true);
    expect(robot?.webhookHint).toContain(token.slice(-4));
  });
});

test("the admin adds a unit's 企业微信 robot; the table shows its hint, never its key, and 停用 after an edit", async ({
  page,
}) => {
  // A loopback address nobody listens on, as above: a reminder to this school must not reach out.
  const key = `e2e${uniqueSuffix()}`;
  const webhook = `http://127.0.0.1:9/cgi-bin/webhook/send?key=${key}`;
  const school = "瓦房店市西城幼儿园";
  await signInAs(page, "admin", "/settings/channels");
  const card = page.locator(".ant-card").filter({ has: page.getByText("单位群机器人", { exact: true }) });
  const row = card.getByRole("row").filter({ hasText: school }).filter({ hasText: "企业微信" });

  await test.step("add it through the modal", async () => {
    await card.getByRole("button", { name: "添加单位机器人" }).click();
    const modal = page.getByRole("dialog", { name: "添加单位群机器人" });
    await chooseOption(modal, "单位", school, "西城幼儿园");
    await modal.getByText("企业微信", { exact: true }).click();
    await modal.getByLabel("Webhook 地址").fill(webhook);
    await modal.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("单位企业微信群机器人已保存")).toBeVisible();
    await expect(modal).toBeHidden();
  });

  await test.step("the table shows the hint and 已启用, never the key", async () => {
    await expect(row).toContainText(`http://127.0.0.1:9/cgi-bin/webhook/send?…${key.slice(-4)}`);
    await expect(row).toContainText("已启用");
    await expect(page.locator("body")).not.toContainText(key);
    const api = await page.request.get("/api/channels");
    expect(api.status()).toBe(200);
    expect(await api.text()).not.toContain(key);
  });

  await test.step("修改 switches it off, keeping the webhook", async () => {
    await row.getByRole("button", { name: "修改" }).click();
    const modal = page.getByRole("dialog", { name: "修改单位群机器人" });
    await expect(modal.getByLabel("Webhook 地址")).toHaveAttribute("placeholder", "已设置（留空则不修改）");
    await modal.getByRole("switch").click();
    await modal.getByRole("button", { name: "保存" }).click();
    await expect(modal).toBeHidden();
    await expect(row).toContainText("已停用");
    await expect(row).toContainText(key.slice(-4));
  });
});

test("督查室 sets a plan's 催办设置; a school sees them read-only", async ({ page, browser, baseURL }) => {
  test.slow();
  const { planId } = await publishSeedPlan(page.request);

  await test.step("the defaults first, then saved values", async () => {
    await page.goto(`/plans/${planId}`);
    await page.getByRole("button", { name: "催办设置" }).click();
    const drawer = page.getByRole("dialog", { name: "催办设置" });
    await expect(drawer.getByText("默认设置", { exact: true })).toBeVisible();
    await expect(drawer.getByLabel("提前提醒天数")).toHaveValue("3");
    await expect(drawer.getByLabel("逾期升级天数")).toHaveValue("3");
    await drawer.getByLabel("提前提醒天数").fill("5");
    await drawer.getByLabel("逾期升级天数").fill("4");
    await drawer.getByLabel("仅工作日提醒").click();
    await drawer.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("催办设置已保存")).toBeVisible();
    await expect(drawer.getByText("默认设置", { exact: true })).toBeHidden();
  });

  await test.step("after a reload the drawer holds what was saved", async () => {
    await page.reload();
    await page.getByRole("button", { name: "催办设置" }).click();
    const drawer = page.getByRole("dialog", { name: "催办设置" });
    await expect(drawer.getByLabel("提前提醒天数")).toHaveValue("5");
    await expect(drawer.getByLabel("逾期升级天数")).toHaveValue("4");
    await expect(drawer.getByLabel("仅工作日提醒")).toBeChecked();
    await expect(drawer.getByText(/最近修改于/)).toBeVisible();
  });

  await test.step("a school may look but not change", async () => {
    const school = await openAs(browser, baseURL, "xicheng", `/plans/${planId}`);
    try {
      await school.page.getByRole("button", { name: "催办设置" }).click();
      const drawer = school.page.getByRole("dialog", { name: "催办设置" });
      await expect(drawer.getByText("只有督查室和管理员可以修改催办设置")).toBeVisible();
      await expect(drawer.getByLabel("提前提醒天数")).toHaveValue("5");
      await expect(drawer.getByLabel("提前提醒天数")).toBeDisabled();
      await expect(drawer.getByRole("button", { name: "保存" })).toBeDisabled();
    } finally {
      await school.context.close();
    }
  });
});
