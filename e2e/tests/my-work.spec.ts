import { type APIRequestContext, type Browser, expect, type Page, test } from "./fixtures";
import {
  findPlanNode,
  openAs,
  postJson,
  publishSeedPlan,
  signInApi,
  uniqueSuffix,
  unitIdByName,
} from "./helpers";

const TASK_9 = "促进学前教育普及普惠发展";
const SCHOOL = "瓦房店市西城幼儿园";

/** The rows of 我的工作. */
function workRows(page: Page) {
  return page.getByLabel("待办事项").getByRole("listitem");
}

/** The 我的工作 row of one kind whose text contains `marker` (the unique text this spec gave the record). */
function workRow(page: Page, kind: string, marker: string) {
  return workRows(page)
    .filter({ has: page.getByText(kind, { exact: true }) })
    .filter({ hasText: marker });
}

/** The row whose link opens exactly `href`. */
function rowLinking(page: Page, kind: string, href: string) {
  return workRows(page)
    .filter({ has: page.getByText(kind, { exact: true }) })
    .filter({ has: page.locator(`a[href="${href}"]`) });
}

/** Where each marker's row stands in the list: most urgent first means these indexes rise. */
async function positions(page: Page, markers: string[]): Promise<number[]> {
  const texts = await workRows(page).allTextContents();
  return markers.map((m) => texts.findIndex((t) => t.includes(m)));
}

/** A signed-in API client of a demo user: its request context and CSRF token. */
async function apiAs(browser: Browser, baseURL: string | undefined, login: string) {
  const opened = await openAs(browser, baseURL, login, "/");
  const csrf = await signInApi(opened.page.request, login);
  const post = <T = { id: string; version: number }>(path: string, data: unknown, status = 201) =>
    postJson<T>(opened.page.request, csrf, path, data, status);
  return { ...opened, post, request: opened.page.request as APIRequestContext };
}

test("each demo role's 我的工作 lists what waits for it, most urgent first, and 审核 lands on the report", async ({
  page,
  browser,
  baseURL,
}) => {
  // Six users and a dozen records: give it three times the usual time.
  test.slow();
  const s = uniqueSuffix();
  // The server's day is 2023-06-15 (E2E_NOW); the cycle opened here is 2023年6月, due 2023-06-25.
  const { planId, csrf } = await publishSeedPlan(page.request, { openCycle: true });
  const office = (path: string, data: unknown, status = 201) =>
    postJson<{ id: string; version: number }>(page.request, csrf, path, data, status);
  const dept = await apiAs(browser, baseURL, "xueqian");
  const school = await apiAs(browser, baseURL, "xicheng");
  const leader = await apiAs(browser, baseURL, "juzhang");
  const inspector = await apiAs(browser, baseURL, "duxue");
  const admin = await apiAs(browser, baseURL, "admin");
  try {
    const plan = (await (await dept.request.get(`/api/plans/${planId}`)).json()) as {
      nodes: { id: string; title: string; children?: { id: string; title: string }[] }[];
    };
    const task9 = findPlanNode(plan.nodes, TASK_9);
    const unitId = await unitIdByName(dept.request, SCHOOL);
    await dept.post(`/api/nodes/${task9.id}/assignments`, {
      unitIds: [unitId],
      role: "executor",
      dueDate: "2023-06-30",
    });
    const assignments = (await (await dept.request.get(`/api/nodes/${task9.id}/assignments`)).json()) as {
      items: { id: string; unit: { id: string } }[];
    };
    const assignmentId = assignments.items.find((a) => a.unit.id === unitId)!.id;

    const notice = `请说明学位建设进度${s}`;
    await office("/api/notices", {
      nodeId: task9.id,
      assignmentId,
      level: "yellow",
      reason: notice,
      replyDue: "2023-06-16",
    });
    const answered = `请报送普惠率${s}`;
    const toAnswer = await office("/api/notices", {
      nodeId: task9.id,
      assignmentId,
      level: "blue",
      reason: answered,
      replyDue: "2023-06-20",
    });
    await school.post(`/api/notices/${toAnswer.id}/reply`, { text: "已报送" }, 200);
    const body = { unitId, requirement: "限期修复", source: "manual" };
    const open = `户外场地破损${s}`;
    await office("/api/rectifications", { ...body, problem: open, deadline: "2023-06-14" });
    const handedIn = `围栏松动${s}`;
    const item = await office("/api/rectifications", { ...body, problem: handedIn, deadline: "2023-06-30" });
    await school.post(
      `/api/rectifications/${item.id}/submit`,
      { measures: "已加固", version: item.version },
      200,
    );
    const found = `消防器材过期${s}`;
    const visit = await inspector.post("/api/rectifications", {
      ...body,
      problem: found,
      deadline: "2023-06-30",
    });
    await school.post(
      `/api/rectifications/${visit.id}/submit`,
      { measures: "已更换", version: visit.version },
      200,
    );
    const instruction = `抓紧推进学位建设${s}`;
    await leader.post("/api/instructions", {
      entity: "plan_node",
      entityId: task9.id,
      unitId,
      text: instruction,
    });
    const extension = `工程延误${s}`;
    await school.post("/api/extensions", {
      assignmentId,
      requestedDue: "2023-07-31",
      reason: extension,
      progress: 30,
    });

    await test.step("刘园长 (school) sees the overdue 整改 first, then the notice, the report, the 签收 and the 批示", async () => {
      const p = school.page;
      await p.goto("/");
      await expect(workRow(p, "待整改", open)).toContainText("逾期 1 天");
      await expect(workRow(p, "督办单待回复", notice)).toContainText("截止 2023-06-16");
      await expect(workRow(p, "督办单待回复", notice)).toContainText("还剩 1 天");
      await expect(rowLinking(p, "待填报", `/assignments/${assignmentId}/report`)).toContainText("2023年6月");
      await expect(rowLinking(p, "待签收", `/assignments/${assignmentId}/report`)).toContainText(
        "还剩 15 天",
      );
      await expect(workRow(p, "批示待签收", instruction)).toContainText("无时限");
      const [rectification, reply, ack, note] = await positions(p, [open, notice, "待签收", instruction]);
      expect(rectification).toBeLessThan(reply!);
      expect(reply).toBeLessThan(ack!);
      expect(ack).toBeLessThan(note!);
      await workRow(p, "批示待签收", instruction).getByRole("link").click();
      await expect(p).toHaveURL(new RegExp(`/plans/${planId}/tasks/${task9.id}$`));
    });

    const report = await school.post(`/api/assignments/${assignmentId}/reports`, {
      cycleId: (await (await school.request.get(`/api/plans/${planId}/cycles`)).json()).items[0].id,
      progress: 30,
      doneText: `新增学位60个${s}`,
      submit: true,
    });

    await test.step("李督查 (supervisor) sees the reply to decide and both handed-in 整改 items to verify", async () => {
      await page.goto("/");
      await expect(workRow(page, "督办单待办结", answered)).toContainText("无时限");
      await expect(workRow(page, "整改待验收", handedIn)).toHaveCount(1);
      await expect(workRow(page, "整改待验收", found)).toHaveCount(1);
    });

    await test.step("赵督学 (inspector) sees only the 整改 item it raised to verify; 系统管理员 sees both", async () => {
      await inspector.page.goto("/");
      await expect(workRow(inspector.page, "整改待验收", found)).toHaveCount(1);
      await expect(workRow(inspector.page, "整改待验收", handedIn)).toHaveCount(0);
      await admin.page.goto("/");
      await expect(workRow(admin.page, "整改待验收", handedIn)).toHaveCount(1);
      await expect(workRow(admin.page, "整改待验收", found)).toHaveCount(1);
    });

    await test.step("王局长 (leader) has nothing waiting and is told where his 批示 stand", async () => {
      await leader.page.goto("/");
      await expect(leader.page.getByText("暂无待办。您的批示可在“我的批示”中查看签收情况。")).toBeVisible();
    });

    await test.step("张科长 (department) sees the 延期 to decide and the report to review; 审核 lands on it", async () => {
      const p = dept.page;
      await p.goto("/");
      await expect(workRow(p, "延期待审批", extension)).toContainText("截止 2023-06-30");
      const review = rowLinking(p, "待审核", `/assignments/${assignmentId}?report=${report.id}`);
      await expect(review).toContainText(`${SCHOOL}：9. ${TASK_9}`);
      await expect(review).toContainText("进度 30%");
      await review.getByRole("button", { name: "审核" }).click();
      await expect(p).toHaveURL(new RegExp(`/plans/${planId}/tasks/${task9.id}#report-${report.id}$`));
      const card = p.locator(`[id="report-${report.id}"]`);
      await expect(card).toHaveAttribute("aria-current", "true");
      await expect(card).toContainText(`新增学位60个${s}`);
      await expect(card).toBeInViewport();
      await expect(card.getByRole("button", { name: "通过" })).toBeVisible();
    });
  } finally {
    for (const user of [dept, school, leader, inspector, admin]) await user.context.close();
  }
});
