import { type Me, type MenuAbilities, menuAreas } from "@duban/domain";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { signedIn } from "../test/fixtures";
import { renderInApp } from "../test/render";
import { type Area, canManage, canOpen, menuEntries, menuKeyOf } from "./navigation";
import { SideMenu } from "./side-menu";

/**
 * A user whose abilities open exactly `open`, list all of them in the menu but `unlisted`, and manage exactly
 * `manage`; every other area is refused. The one place that knows how `me.abilities` is shaped.
 */
function userWith(options: {
  roles: Me["roles"];
  open: Area[];
  manage?: Area[];
  unlisted?: Area[];
  unit?: Me["unit"];
}): Me {
  const areas = Object.fromEntries(
    menuAreas.map((area) => {
      const open = options.open.includes(area);
      return [
        area,
        {
          open,
          listed: open && !(options.unlisted ?? []).includes(area),
          manage: open && (options.manage ?? []).includes(area),
        },
      ];
    }),
  ) as MenuAbilities["areas"];
  const abilities: MenuAbilities = {
    areas,
    unitWork: options.unit != null,
    myAssessments: options.unit != null,
    assessmentEntries: false,
    raiseNotices: false,
    manageCycles: false,
    cockpit: { open: false, home: false },
  };
  return signedIn(options.roles, abilities, options.unit ?? null);
}

const school = userWith({
  roles: ["school"],
  open: ["plans", "notices", "extensions", "rectifications"],
  // A school opens an extension it follows a link to, but has no menu entry for them.
  unlisted: ["extensions"],
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
  // 新建计划 is a button on the plans page, not a menu entry.
  unlisted: ["planImports"],
});

const labels = (me: Me) => menuEntries(me).map((entry) => entry.label);

describe("menu entries from abilities", () => {
  it("gives a school its work, its unit's work, the plans, its 督办单 and the 整改台账", () => {
    expect(menuEntries(school)).toEqual([
      { key: "home", path: "/", label: "我的工作" },
      { key: "unitWork", path: "/units/unit-school-1/work", label: "本单位工作" },
      { key: "myForms", path: "/my-forms", label: "我的填报" },
      { key: "myAssessments", path: "/my-assessments", label: "我的考评" },
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
    expect(menuKeyOf("/settings/work-calendar")).toBe("workCalendar");
    expect(menuKeyOf("/settings/document-numbers")).toBe("documentNumbers");
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
      "我的填报",
      "我的考评",
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
