import type { Me } from "@duban/domain";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { signedIn } from "../test/fixtures";
import { renderInApp } from "../test/render";
import { type Area, canManage, canOpen, menuEntries, menuKeyOf } from "./navigation";
import { SideMenu } from "./side-menu";

// The one place that knows how `me.abilities` is shaped: which areas the user may open and which they manage.
const abilityKeys: Record<Area, { open: string; manage: string }> = {
  plans: { open: "viewPlans", manage: "importPlans" },
  planImports: { open: "importPlans", manage: "importPlans" },
  notices: { open: "viewNotices", manage: "viewNoticeLedger" },
  extensions: { open: "viewExtensions", manage: "decideExtensions" },
  rectifications: { open: "viewRectifications", manage: "createRectifications" },
  inspections: { open: "viewInspections", manage: "createInspections" },
  instructions: { open: "viewOwnInstructions", manage: "writeInstructions" },
  units: { open: "viewUnits", manage: "manageUnits" },
  groups: { open: "viewGroups", manage: "manageGroups" },
  users: { open: "viewUsers", manage: "manageUsers" },
  audit: { open: "viewAudit", manage: "manageAudit" },
  unitKeywords: { open: "viewUnitKeywords", manage: "manageUnitKeywords" },
  channels: { open: "viewChannels", manage: "manageChannels" },
};

/**
 * A user whose abilities open exactly `open` and manage exactly `manage`; every other area is refused. Which
 * open areas the side menu lists (a school may open an extension it follows a link to, but has no menu entry
 * for them) follows `roles`.
 */
function userWith(options: { roles: Me["roles"]; open: Area[]; manage?: Area[]; unit?: Me["unit"] }): Me {
  const abilities: Record<string, boolean> = {};
  for (const [area, keys] of Object.entries(abilityKeys) as [Area, { open: string; manage: string }][]) {
    abilities[keys.open] ||= options.open.includes(area);
    abilities[keys.manage] ||= (options.manage ?? []).includes(area);
  }
  return signedIn(options.roles, abilities, options.unit ?? null);
}

const school = userWith({
  roles: ["school"],
  open: ["plans", "notices", "extensions", "rectifications"],
  unit: { id: "unit-school-1", name: "第一中学", kind: "school" },
});
const supervisor = userWith({
  roles: ["supervisor"],
  open: [
    "plans",
    "planImports",
    "notices",
    "extensions",
    "rectifications",
    "inspections",
    "units",
    "groups",
    "unitKeywords",
  ],
  manage: ["plans", "planImports", "notices", "extensions", "rectifications", "groups"],
});

const labels = (me: Me) => menuEntries(me).map((entry) => entry.label);

describe("menu entries from abilities", () => {
  it("gives a school its work, its unit's work, the plans, its 督办单 and the 整改台账", () => {
    expect(menuEntries(school)).toEqual([
      { key: "home", path: "/", label: "我的工作" },
      { key: "unitWork", path: "/units/unit-school-1/work", label: "本单位工作" },
      { key: "plans", path: "/plans", label: "计划" },
      { key: "notices", path: "/notices", label: "督办单" },
      { key: "rectifications", path: "/rectifications", label: "整改台账" },
    ]);
  });

  it("gives the supervision office the ledgers it manages and the areas it reads", () => {
    expect(labels(supervisor)).toEqual([
      "我的工作",
      "计划",
      "督办台账",
      "延期申请",
      "整改台账",
      "督导检查",
      "单位",
      "单位分组",
      "关键词词典",
    ]);
  });

  it("leaves out an area the abilities refuse, whatever the role", () => {
    const leader = userWith({ roles: ["leader"], open: ["plans", "notices", "units", "instructions"] });
    expect(labels(leader)).toEqual(["我的工作", "计划", "督办单", "我的批示", "单位"]);
    expect(canOpen(leader, "users")).toBe(false);
    expect(canOpen(leader, "units")).toBe(true);
  });

  it("names an area for managing only when the abilities say the user manages it", () => {
    const admin = userWith({ roles: ["admin"], open: ["units", "users"], manage: ["units"] });
    expect(labels(admin)).toEqual(["我的工作", "单位管理", "用户"]);
    expect(canManage(admin, "units")).toBe(true);
    expect(canManage(admin, "users")).toBe(false);
  });

  it("highlights the entry a page belongs to", () => {
    expect(menuKeyOf("/plans/plan-2023/tasks/node-1")).toBe("plans");
    expect(menuKeyOf("/plan-imports/import-1")).toBe("plans");
    expect(menuKeyOf("/units/unit-school-1/work")).toBe("unitWork");
    expect(menuKeyOf("/settings/unit-keywords")).toBe("unitKeywords");
    expect(menuKeyOf("/")).toBe("home");
  });
});

function CurrentPath() {
  return <output aria-label="当前地址">{useLocation().pathname}</output>;
}

describe("SideMenu", () => {
  it("lists exactly the user's entries, marks the current one and opens the one clicked", async () => {
    renderInApp(
      <Routes>
        <Route
          path="*"
          element={
            <>
              <SideMenu />
              <CurrentPath />
            </>
          }
        />
      </Routes>,
      { path: "/notices/notice-1", me: school },
    );
    const items = screen.getAllByRole("menuitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "我的工作",
      "本单位工作",
      "计划",
      "督办单",
      "整改台账",
    ]);
    expect(
      items.filter((item) => item.classList.contains("ant-menu-item-selected")).map((i) => i.textContent),
    ).toEqual(["督办单"]);
    // The icons carry their own labels (“check-square”), so the entry is found by its text.
    const unitWork = items.find((item) => item.textContent === "本单位工作")!;
    await userEvent.setup({ delay: null }).click(unitWork);
    expect(screen.getByLabelText("当前地址").textContent).toBe("/units/unit-school-1/work");
  });
});
