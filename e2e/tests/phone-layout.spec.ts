import { expect, type Page, test } from "./fixtures";
import {
  findPlanNode,
  openAs,
  postJson,
  publishSeedPlan,
  signInApi,
  signInAs,
  unitIdByName,
} from "./helpers";

const TASK_9 = "促进学前教育普及普惠发展";
const SCHOOL = "瓦房店市西城幼儿园";
const PHONE_WIDTH = 390;

/** Ids of the records the phone pages open. */
interface Records {
  planId: string;
  taskId: string;
  unitId: string;
  noticeId: string;
  rectificationId: string;
}

/** The seed plan with task 9 assigned to 西城幼儿园, a 督办单 and a 整改 item for it: every page has content. */
async function prepareRecords(page: Page): Promise<Records> {
  const { planId } = await publishSeedPlan(page.request);
  const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as {
    nodes: { id: string; title: string; children?: { id: string; title: string }[] }[];
  };
  const task9 = findPlanNode(plan.nodes, TASK_9);
  const unitId = await unitIdByName(page.request, SCHOOL);
  const deptCsrf = await signInApi(page.request, "xueqian");
  await postJson(page.request, deptCsrf, `/api/nodes/${task9.id}/assignments`, {
    unitIds: [unitId],
    role: "executor",
    dueDate: "2023-12-31",
  });
  const duchaCsrf = await signInApi(page.request, "ducha");
  const notice = await postJson<{ id: string }>(page.request, duchaCsrf, "/api/notices", {
    nodeId: task9.id,
    unitId,
    level: "yellow",
    reason: "普惠率进度滞后于序时进度，请说明原因并提出措施，限期回复。",
    replyDue: "2023-06-30",
    // The scheduler may already have raised its own yellow notice for the lagging task: one more is fine here.
    allowDuplicate: true,
  });
  const item = await postJson<{ id: string }>(page.request, duchaCsrf, "/api/rectifications", {
    unitId,
    problem: "户外活动场地塑胶地面破损，存在绊倒隐患，需尽快修补并设置警示标识。",
    requirement: "一周内完成修补，上传修补前后照片。",
    deadline: "2023-06-30",
    responsiblePerson: "刘园长",
    source: "manual",
  });
  return { planId, taskId: task9.id, unitId, noticeId: notice.id, rectificationId: item.id };
}

/** Waits for the page's title and its data, then checks nothing makes the document wider than the phone. */
async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".ant-spin-spinning")).toHaveCount(0);
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
  expect(width, `${path} is ${width} px wide on a ${PHONE_WIDTH} px phone`).toBeLessThanOrEqual(PHONE_WIDTH);
  // Nor does a box inside it scroll sideways (a wide table in its own scroller hides its actions the same way).
  const scrollers = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => {
        const { overflowX } = getComputedStyle(el);
        return (overflowX === "auto" || overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")}`),
  );
  expect(scrollers, `${path} scrolls sideways inside`).toEqual([]);
}

/** The pages each role opens on a phone, beyond 我的工作, the plan, the task, 督办单, 整改 and 通知. */
const extraPages: [login: string, role: string, extra: (ids: Records) => string[]][] = [
  ["xicheng", "学校", (ids) => [`/units/${ids.unitId}/work`]],
  ["duxue", "责任督学", () => ["/inspections"]],
  ["ducha", "督查室", () => ["/plans"]],
  ["xueqian", "科室", () => ["/plans"]],
  ["juzhang", "局领导", () => ["/plans"]],
];

for (const [login, role, extra] of extraPages) {
  test(`every page ${role} (${login}) uses fits a 390 px phone`, async ({ page, browser, baseURL }) => {
    test.slow();
    const ids = await prepareRecords(page);
    const paths = [
      "/",
      `/plans/${ids.planId}`,
      `/plans/${ids.planId}/tasks/${ids.taskId}`,
      "/notices",
      `/notices/${ids.noticeId}`,
      "/rectifications",
      `/rectifications/${ids.rectificationId}`,
      "/notifications",
      ...extra(ids),
    ];
    const { context, page: phone } = await openAs(browser, baseURL, login, "/", { phone: true });
    try {
      for (const path of paths) await expectNoSidewaysScroll(phone, path);
    } finally {
      await context.close();
    }
  });
}

test("on a phone the lists are cards, the bell fits the screen and the menu is a drawer", async ({
  page: api,
  browser,
  baseURL,
}) => {
  await prepareRecords(api);
  const { context, page } = await openAs(browser, baseURL, "xicheng", "/rectifications", { phone: true });
  try {
    await expect(page.getByRole("heading", { name: "整改台账" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    const card = page.getByRole("list", { name: "记录列表" }).getByRole("listitem").first();
    await expect(card).toContainText("整改时限");
    await card.click();
    await expect(page).toHaveURL(/\/rectifications\/[^/]+$/);

    await page.getByRole("button", { name: "通知" }).click();
    const popover = page.locator(".ant-popover:visible");
    await expect(popover).toBeVisible();
    const box = await popover.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE_WIDTH);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "打开菜单" }).click();
    await expect(page.getByRole("dialog").getByRole("menuitem", { name: "整改台账" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test.describe("at 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the plan table fits its column, the menu stays in view, and a new page opens at its top", async ({
    page,
  }) => {
    const { planId } = await publishSeedPlan(page.request);
    await signInAs(page, "ducha", `/plans/${planId}`);
    const table = page.locator(".ant-table-container");
    await expect(page.getByRole("columnheader", { name: "交办数" })).toBeVisible();

    // No 8 px frame around the app.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe("0px");

    // 时限 and 交办数 lie inside the table's box, with nothing to scroll sideways.
    const container = (await table.boundingBox())!;
    for (const name of ["时限", "交办数"]) {
      const header = (await page.getByRole("columnheader", { name }).boundingBox())!;
      expect(header.x + header.width, `${name} is cut`).toBeLessThanOrEqual(
        container.x + container.width + 1,
      );
    }
    const overflow = await page.evaluate(() => {
      const content = document.querySelector(".ant-table-content") as HTMLElement;
      return content.scrollWidth - content.clientWidth;
    });
    expect(overflow).toBe(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(1440);

    // Far down the long plan the side menu is still on screen.
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const menuBox = (await page.locator(".ant-layout-sider").boundingBox())!;
    expect(menuBox.y).toBeGreaterThanOrEqual(0);
    expect(menuBox.y).toBeLessThan(900);

    // A task opened from far down the plan starts at the top of its page.
    await page.locator(".ant-table-tbody a[href*='/tasks/']").last().click();
    await expect(page).toHaveURL(new RegExp(`/plans/${planId}/tasks/`));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });
});
