import { expect, test } from "./fixtures";
import { sideMenuItems, signInAs } from "./helpers";

/** The side menu of each demo role, as packages/web/src/components/navigation.ts builds it. */
const expectedMenus: { login: string; role: string; entries: string[] }[] = [
  {
    login: "admin",
    role: "系统管理员",
    entries: ["我的工作", "单位管理", "单位分组", "用户管理", "审计日志"],
  },
  { login: "juzhang", role: "局领导", entries: ["我的工作", "单位", "用户"] },
  { login: "ducha", role: "督查室", entries: ["我的工作", "单位", "单位分组"] },
  { login: "xueqian", role: "科室", entries: ["我的工作", "单位", "单位分组"] },
  { login: "xicheng", role: "学校", entries: ["我的工作"] },
  { login: "duxue", role: "责任督学", entries: ["我的工作", "单位"] },
];

/** Every entry of the foundation; other features (计划, 关键词词典 …) add entries their own specs check. */
const foundationEntries = ["我的工作", "单位管理", "单位", "单位分组", "用户管理", "用户", "审计日志"];

/** Entries only the system administrator may see. */
const adminOnly = ["单位管理", "用户管理", "审计日志"];

for (const { login, role, entries } of expectedMenus) {
  test(`${role} (${login}) sees exactly the foundation menu of the role`, async ({ page }) => {
    await signInAs(page, login);
    const items = sideMenuItems(page);
    await expect(items.first()).toHaveText("我的工作");

    const labels = (await items.allInnerTexts()).map((text) => text.trim());
    // Exactly the role's foundation entries, in order: the others must be absent.
    expect(labels.filter((label) => foundationEntries.includes(label))).toEqual(entries);
    if (login !== "admin") {
      for (const label of adminOnly) expect(labels).not.toContain(label);
    }
  });
}
