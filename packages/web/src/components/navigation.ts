import { type Me, type MenuArea, menuAreas } from "@duban/domain";

/** An area of the app with its own route. */
export type Area = MenuArea;

/** Where an area lives and what its menu entry says; who may open it is the server's `me.abilities`. */
interface AreaRoute {
  path: string;
  /** Label for those who manage the area, and for those who only read it. */
  label: { manage: string; read: string };
  /** Other path prefixes that belong to the area's menu entry. */
  prefixes?: string[];
}

const routes: Record<Area, AreaRoute> = {
  plans: { path: "/plans", label: { manage: "计划", read: "计划" }, prefixes: ["/plan-imports"] },
  // 新建计划 and the review actions; reached from the plan list, so the server never lists it in the menu.
  planImports: { path: "/plans/new", label: { manage: "新建计划", read: "新建计划" } },
  // Those who see every unit's notices read the 督办台账; a school reads its own 督办单.
  notices: { path: "/notices", label: { manage: "督办台账", read: "督办单" } },
  extensions: { path: "/extensions", label: { manage: "延期申请", read: "延期申请" } },
  rectifications: { path: "/rectifications", label: { manage: "整改台账", read: "整改台账" } },
  inspections: { path: "/inspections", label: { manage: "督导检查", read: "督导检查" } },
  instructions: { path: "/instructions/mine", label: { manage: "我的批示", read: "我的批示" } },
  cascade: { path: "/cascade", label: { manage: "上下联动", read: "上下联动" } },
  bulletins: { path: "/bulletins", label: { manage: "督查通报", read: "督查通报" } },
  assessments: { path: "/assessments", label: { manage: "考评", read: "考评" } },
  units: { path: "/units", label: { manage: "单位管理", read: "单位" } },
  groups: { path: "/groups", label: { manage: "单位分组", read: "单位分组" } },
  users: { path: "/users", label: { manage: "用户管理", read: "用户" } },
  audit: { path: "/audit", label: { manage: "审计日志", read: "审计日志" } },
  unitKeywords: { path: "/settings/unit-keywords", label: { manage: "关键词词典", read: "关键词词典" } },
  channels: { path: "/settings/channels", label: { manage: "消息渠道", read: "消息渠道" } },
  workCalendar: { path: "/settings/work-calendar", label: { manage: "工作日历", read: "工作日历" } },
  documentNumbers: { path: "/settings/document-numbers", label: { manage: "文号设置", read: "文号设置" } },
};

/** True when the user may open the area, as the server said in `me.abilities`. */
export function canOpen(me: Me, area: Area): boolean {
  return me.abilities.areas[area].open;
}

/** One entry of the side menu. */
export interface MenuEntry {
  key: string;
  path: string;
  label: string;
}

/** What the side menu calls an area for this user, so a page's back link uses the same name. */
export function areaLabel(me: Me, area: Area): string {
  const { label } = routes[area];
  return canManage(me, area) ? label.manage : label.read;
}

/**
 * The side-menu entries of the user: 我的工作 for everyone, 本单位工作 and 我的填报 when offered, 我的考评 for a
 * school or department, 考评加减分 for a department, then each listed area.
 */
export function menuEntries(me: Me): MenuEntry[] {
  const entries: MenuEntry[] = [{ key: "home", path: "/", label: "我的工作" }];
  if (me.abilities.unitWork && me.unit) {
    entries.push({ key: "unitWork", path: `/units/${me.unit.id}/work`, label: "本单位工作" });
    entries.push({ key: "myForms", path: "/my-forms", label: "我的填报" });
  }
  if (me.abilities.myAssessments)
    entries.push({ key: "myAssessments", path: "/my-assessments", label: "我的考评" });
  if (me.abilities.assessmentEntries)
    entries.push({ key: "assessmentEntries", path: "/assessment-entries", label: "考评加减分" });
  for (const area of menuAreas) {
    if (!me.abilities.areas[area].listed) continue;
    entries.push({ key: area, path: routes[area].path, label: areaLabel(me, area) });
  }
  return entries;
}

/** The menu key of a location path, for highlighting the current entry. */
export function menuKeyOf(pathname: string): string {
  if (/^\/units\/[^/]+\/work/.test(pathname)) return "unitWork";
  if (/^\/(my-forms|form-submissions)/.test(pathname)) return "myForms";
  if (pathname.startsWith("/my-assessments")) return "myAssessments";
  if (pathname.startsWith("/assessment-entries")) return "assessmentEntries";
  const area = menuAreas.find((name) =>
    [routes[name].path, ...(routes[name].prefixes ?? [])].some((prefix) => pathname.startsWith(prefix)),
  );
  return area ?? "home";
}

/** True when the user manages the area (create, edit), as the server said in `me.abilities`. */
export function canManage(me: Me, area: Area): boolean {
  return me.abilities.areas[area].manage;
}
