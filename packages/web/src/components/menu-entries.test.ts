import { type Me, menuAbilities, type Role } from "@duban/domain";
import { describe, expect, it } from "vitest";
import { areaLabel, canManage, canOpen, menuEntries, menuKeyOf } from "./navigation";

const UNIT = { id: "00000000-0000-4000-8000-0000000000aa", name: "西城幼儿园", kind: "school" };

/** A signed-in user whose abilities are the ones the server computes for the roles. */
function meOf(roles: Role[], unit: Me["unit"] = UNIT): Me {
  return {
    id: "user-1",
    name: "张老师",
    login: "zhang",
    roles,
    tenant: { id: "tenant-1", name: "瓦房店市教育局" },
    unit,
    mustChangePassword: false,
    csrfToken: "csrf",
    abilities: menuAbilities({ userId: "user-1", tenantId: "tenant-1", unitId: unit?.id ?? null, roles }),
  };
}

describe("menuEntries", () => {
  it("gives a school its own work, its 考评, its 督办单, the 整改台账 and the 督查通报 naming it", () => {
    expect(menuEntries(meOf(["school"]))).toEqual([
      { key: "home", path: "/", label: "我的工作" },
      { key: "unitWork", path: `/units/${UNIT.id}/work`, label: "本单位工作" },
      { key: "myForms", path: "/my-forms", label: "我的填报" },
      { key: "myAssessments", path: "/my-assessments", label: "我的考评" },
      { key: "plans", path: "/plans", label: "计划" },
      { key: "notices", path: "/notices", label: "督办单" },
      { key: "rectifications", path: "/rectifications", label: "整改台账" },
      { key: "bulletins", path: "/bulletins", label: "督查通报" },
    ]);
  });

  it("gives an administrator the settings areas under their managing labels", () => {
    expect(menuEntries(meOf(["admin"], null)).map((e) => e.label)).toEqual([
      "我的工作",
      "计划",
      "督办台账",
      "整改台账",
      "单位管理",
      "单位分组",
      "用户管理",
      "审计日志",
      "关键词词典",
      "消息渠道",
      "工作日历",
      "文号设置",
    ]);
  });

  it("lists only what the server marked listed, even where the area opens", () => {
    const inspector = meOf(["inspector"], null);
    expect(canOpen(inspector, "notices")).toBe(true);
    expect(menuEntries(inspector).map((e) => e.key)).toEqual([
      "home",
      "plans",
      "rectifications",
      "inspections",
      "units",
    ]);
    expect(canManage(inspector, "inspections")).toBe(true);
    expect(canManage(inspector, "units")).toBe(false);
  });
});

describe("menuKeyOf", () => {
  it("highlights the entry a path belongs to", () => {
    expect(menuKeyOf(`/units/${UNIT.id}/work`)).toBe("unitWork");
    expect(menuKeyOf("/form-submissions/1")).toBe("myForms");
    expect(menuKeyOf("/my-assessments/1")).toBe("myAssessments");
    expect(menuKeyOf("/assessments/1")).toBe("assessments");
    expect(menuKeyOf("/plan-imports/1")).toBe("plans");
    expect(menuKeyOf("/settings/channels")).toBe("channels");
    expect(menuKeyOf("/settings/document-numbers")).toBe("documentNumbers");
    expect(menuKeyOf("/")).toBe("home");
  });
});

describe("areaLabel", () => {
  it("lists 考评 for the 督查室 and the leaders, after the 督查通报", () => {
    expect(
      menuEntries(meOf(["supervisor"], null))
        .map((e) => e.label)
        .slice(-7, -4),
    ).toEqual(["督查通报", "考评", "单位"]);
    expect(menuEntries(meOf(["leader"], null)).map((e) => e.key)).toContain("assessments");
    expect(menuEntries(meOf(["department"])).map((e) => e.key)).toContain("myAssessments");
    // A department enters 加分 / 扣分 on its own page; the 督查室 has them under 考评.
    expect(menuEntries(meOf(["department"])).find((e) => e.key === "assessmentEntries")).toEqual({
      key: "assessmentEntries",
      path: "/assessment-entries",
      label: "考评加减分",
    });
    expect(menuEntries(meOf(["supervisor"], null)).map((e) => e.key)).not.toContain("assessmentEntries");
    expect(menuKeyOf("/assessment-entries?plan=1")).toBe("assessmentEntries");
  });

  it("names the notices area as the menu does, so a back link reads 督办单 for a school and 督办台账 for 督查室", () => {
    expect(areaLabel(meOf(["school"]), "notices")).toBe("督办单");
    expect(areaLabel(meOf(["supervisor"]), "notices")).toBe("督办台账");
  });
});
