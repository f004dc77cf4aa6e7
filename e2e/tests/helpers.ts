import fs from "node:fs";
import zlib from "node:zlib";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";

/** The password of every demo account. */
export const DEMO_PASSWORD = "Duban@2023";

/** Signs in through the API (sharing the page's cookies), then opens a page of the app. */
export async function signInAs(page: Page, login: string, path = "/"): Promise<void> {
  const res = await page.request.post("/api/auth/login", { data: { login, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(path);
}

/** Signs in through the login page's form, as a person would. */
export async function signInThroughForm(page: Page, login: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("账号").fill(login);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Waits for 工作台 of the named user: the root path, the greeting and the 我的信息 card. */
export async function expectHome(page: Page, userName: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`，${userName}$`) })).toBeVisible();
  await expect(page.getByText("我的信息", { exact: true })).toBeVisible();
}

/** The entries of the side menu (or of the drawer on a phone). */
export function sideMenuItems(scope: Page | Locator): Locator {
  return scope.getByRole("menu").getByRole("menuitem");
}

/** A suffix no earlier run against the same server has used, for names and logins. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, "0")}`;
}

/**
 * Picks an option of an Ant Design select found by its form label, typing `search` first when given.
 * The dropdown animates and may flip above the field while opening, so a click can land beside the
 * option; the pick is retried until the form item shows it.
 */
export async function chooseOption(
  scope: Locator,
  label: string,
  option: string,
  search?: string,
): Promise<void> {
  const page = scope.page();
  const combobox = scope.getByLabel(label, { exact: true });
  const formItem = scope.locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    if ((await combobox.getAttribute("aria-expanded")) !== "true") await combobox.click();
    if (search !== undefined) await combobox.fill(search);
    // Closed dropdowns stay in the DOM hidden; only the open one is visible.
    await page
      .locator(".ant-select-dropdown:visible")
      .getByTitle(option, { exact: true })
      .click({ timeout: 3_000 });
    await expect(formItem).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Picks an option of a multiple Ant Design select by its form label and closes the dropdown. Unlike
 * chooseOption it checks the picked tag, not the form item's text, which a placeholder may already contain.
 */
export async function chooseOptions(scope: Locator, label: string, option: string): Promise<void> {
  const page = scope.page();
  const combobox = scope.getByLabel(label, { exact: true });
  // `has` is resolved inside each form item, so it must not start from the scope.
  const formItem = scope.locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });
  const picked = formItem.locator(".ant-select-selection-item").filter({ hasText: option });
  await expect(async () => {
    // A second click on a picked option would drop it again.
    if ((await picked.count()) === 0) {
      if ((await combobox.getAttribute("aria-expanded")) !== "true") await combobox.click();
      await page
        .locator(".ant-select-dropdown:visible")
        .getByTitle(option, { exact: true })
        .click({ timeout: 3_000 });
    }
    await expect(picked).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // Escape with the dropdown already closed would close a surrounding dialog instead.
  if ((await combobox.getAttribute("aria-expanded")) === "true") await combobox.press("Escape");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
}

/** Signs in through the API on a request context (a page's, a browser context's or a standalone one); the CSRF token. */
export async function signInApi(request: APIRequestContext, login: string): Promise<string> {
  const res = await request.post("/api/auth/login", { data: { login, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const me = (await res.json()) as { csrfToken: string };
  return me.csrfToken;
}

/** POSTs JSON with the session's CSRF token and returns the parsed answer, failing on an unexpected status. */
export async function postJson<T>(
  request: APIRequestContext,
  csrfToken: string,
  path: string,
  data: unknown,
  status = 201,
): Promise<T> {
  const res = await request.post(path, { data, headers: { "X-CSRF-Token": csrfToken } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/**
 * A separate browser (own cookies) signed in as the user and showing `path`; close its context when done.
 * `phone` gives it the 390×844 touch viewport of a school reporter's phone.
 */
export async function openAs(
  browser: Browser,
  baseURL: string | undefined,
  login: string,
  path = "/",
  options: { phone?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    ...(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await signInAs(page, login, path);
  return { context, page };
}

/**
 * The seed plan published through the API as 督查室 (another spec of the same server run may have published it
 * already, hence allowDuplicate), with the default cycle of its cadence opened when asked; the plan's id and
 * 督查室's CSRF token.
 */
export async function publishSeedPlan(
  request: APIRequestContext,
  options: { openCycle?: boolean } = {},
): Promise<{ planId: string; csrf: string }> {
  const csrf = await signInApi(request, "ducha");
  const draft = await postJson<{ id: string; version: number }>(request, csrf, "/api/plan-imports", {
    text: seedPlanText(),
    filename: "瓦房店市教育局2023年工作要点.txt",
  });
  const { planId } = await postJson<{ planId: string }>(
    request,
    csrf,
    `/api/plan-imports/${draft.id}/publish`,
    {
      version: draft.version,
      allowDuplicate: true,
    },
  );
  if (options.openCycle) {
    // A freshly published plan has no cycle yet: this opens the current one of the default cadence.
    const cycle = await postJson<{ status: string }>(request, csrf, `/api/plans/${planId}/cycles`, {});
    expect(cycle.status).toBe("open");
  }
  return { planId, csrf };
}

/** The seed plan text (瓦房店市教育局2023年工作要点) the parser is tested against. */
export function seedPlanText(): string {
  return fs.readFileSync(
    new URL("../../packages/plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url),
    "utf8",
  );
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real PNG image (a small solid-colour square) built byte by byte: signature, IHDR, IDAT, IEND. */
export function solidPng(size = 8, rgb: [number, number, number] = [46, 139, 87]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.from([0, ...Array.from({ length: size }, () => rgb).flat()]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * Picks an option of a filter bar's Ant Design select, found by its aria-label (filters have no form label),
 * typing `search` first when given; retried like chooseOption until the select shows the pick.
 */
export async function chooseFilter(
  page: Page,
  label: string,
  option: string,
  search?: string,
): Promise<void> {
  const combobox = page.getByRole("combobox", { name: label, exact: true });
  const select = page.locator(".ant-select").filter({ has: combobox });
  await expect(async () => {
    if ((await combobox.getAttribute("aria-expanded")) !== "true") await combobox.click();
    if (search !== undefined) await combobox.fill(search);
    await page
      .locator(".ant-select-dropdown:visible")
      .getByTitle(option, { exact: true })
      .click({ timeout: 3_000 });
    await expect(select).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** A node of a plan tree (GET /api/plans/:id) by its exact title, searched depth first. */
export function findPlanNode<T extends { title: string; children?: T[] }>(nodes: T[], title: string): T {
  const walk = (list: T[]): T | undefined => {
    for (const n of list) {
      if (n.title === title) return n;
      const hit = walk(n.children ?? []);
      if (hit) return hit;
    }
    return undefined;
  };
  const node = walk(nodes);
  if (!node) throw new Error(`计划中没有「${title}」`);
  return node;
}

/** The id of a unit by its exact name, from GET /api/units/options (any signed-in session). */
export async function unitIdByName(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get("/api/units/options?pageSize=200");
  expect(res.status(), await res.text()).toBe(200);
  const unit = ((await res.json()) as { items: { id: string; name: string }[] }).items.find(
    (u) => u.name === name,
  );
  if (!unit) throw new Error(`找不到单位「${name}」`);
  return unit.id;
}

/** The calendar date `days` from today in Asia/Shanghai, as YYYY-MM-DD. */
export function shanghaiDateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}
