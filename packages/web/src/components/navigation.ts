import type { Me, Role } from "@duban/domain";

/** An area of the app with its own route. */
export type Area =
  | "plans"
  | "planImports"
  | "notices"
  | "extensions"
  | "rectifications"
  | "inspections"
  | "instructions"
  | "units"
  | "groups"
  | "users"
  | "audit"
  | "unitKeywords"
  | "channels";

interface AreaRule {
  path: string;
  /** `me.abilities` key that lets the user open the area; it wins over the role table when sent. */
  view: string;
  /** `me.abilities` key that lets the user manage (create, edit) the area's records. */
  manage: string;
  /** Roles that may open the area (the API's rule), used when `me.abilities` says nothing. */
  roles: Role[];
  /** Roles that see the area in the side menu. */
  menuRoles: Role[];
  /** Label for those who manage the area, and for those who only read it. */
  label: { manage: string; read: string };
  manageRoles: Role[];
  /** Other path prefixes that belong to the area's menu entry. */
  prefixes?: string[];
}

const allRoles: Role[] = ["admin", "leader", "supervisor", "department", "school", "inspector"];

const rules: Record<Area, AreaRule> = {
  plans: {
    path: "/plans",
    view: "viewPlans",
    manage: "importPlans",
    roles: allRoles,
    menuRoles: allRoles,
    label: { manage: "计划", read: "计划" },
    manageRoles: ["admin", "supervisor"],
    prefixes: ["/plan-imports"],
  },
  // 新建计划 and the review actions; reached from the plan list, so it has no menu entry of its own.
  planImports: {
    path: "/plans/new",
    view: "importPlans",
    manage: "importPlans",
    roles: ["admin", "supervisor"],
    menuRoles: [],
    label: { manage: "新建计划", read: "新建计划" },
    manageRoles: ["admin", "supervisor"],
  },
  // Schools read only their own 督办单; everyone else reads the whole 督办台账.
  notices: {
    path: "/notices",
    view: "viewNotices",
    manage: "viewNoticeLedger",
    roles: allRoles,
    menuRoles: ["admin", "leader", "supervisor", "department", "school"],
    label: { manage: "督办台账", read: "督办单" },
    manageRoles: ["admin", "leader", "supervisor", "department"],
  },
  extensions: {
    path: "/extensions",
    view: "viewExtensions",
    manage: "decideExtensions",
    roles: allRoles,
    menuRoles: ["supervisor", "department"],
    label: { manage: "延期申请", read: "延期申请" },
    manageRoles: ["supervisor", "department"],
  },
  rectifications: {
    path: "/rectifications",
    view: "viewRectifications",
    manage: "createRectifications",
    roles: allRoles,
    menuRoles: allRoles,
    label: { manage: "整改台账", read: "整改台账" },
    manageRoles: ["admin", "supervisor", "inspector"],
  },
  inspections: {
    path: "/inspections",
    view: "viewInspections",
    manage: "createInspections",
    roles: ["admin", "leader", "supervisor", "inspector"],
    menuRoles: ["leader", "supervisor", "inspector"],
    label: { manage: "督导检查", read: "督导检查" },
    manageRoles: ["inspector"],
  },
  instructions: {
    path: "/instructions/mine",
    view: "viewOwnInstructions",
    manage: "writeInstructions",
    roles: ["leader"],
    menuRoles: ["leader"],
    label: { manage: "我的批示", read: "我的批示" },
    manageRoles: ["leader"],
  },
  units: {
    path: "/units",
    view: "viewUnits",
    manage: "manageUnits",
    roles: ["admin", "leader", "supervisor", "department", "inspector"],
    menuRoles: ["admin", "leader", "supervisor", "department", "inspector"],
    label: { manage: "单位管理", read: "单位" },
    manageRoles: ["admin"],
  },
  groups: {
    path: "/groups",
    view: "viewGroups",
    manage: "manageGroups",
    roles: ["admin", "leader", "supervisor", "department"],
    menuRoles: ["admin", "supervisor", "department"],
    label: { manage: "单位分组", read: "单位分组" },
    manageRoles: ["admin", "supervisor"],
  },
  users: {
    path: "/users",
    view: "viewUsers",
    manage: "manageUsers",
    roles: ["admin", "leader"],
    menuRoles: ["admin", "leader"],
    label: { manage: "用户管理", read: "用户" },
    manageRoles: ["admin"],
  },
  audit: {
    path: "/audit",
    view: "viewAudit",
    manage: "manageAudit",
    roles: ["admin"],
    menuRoles: ["admin"],
    label: { manage: "审计日志", read: "审计日志" },
    manageRoles: ["admin"],
  },
  unitKeywords: {
    path: "/settings/unit-keywords",
    view: "viewUnitKeywords",
    manage: "manageUnitKeywords",
    roles: ["admin", "supervisor"],
    menuRoles: ["admin", "supervisor"],
    label: { manage: "关键词词典", read: "关键词词典" },
    manageRoles: ["admin"],
  },
  // SMTP passwords and robot secrets: administrators only (the API sends no ability for it, so roles decide).
  channels: {
    path: "/settings/channels",
    view: "viewChannels",
    manage: "manageChannels",
    roles: ["admin"],
    menuRoles: ["admin"],
    label: { manage: "消息渠道", read: "消息渠道" },
    manageRoles: ["admin"],
  },
};

const areaOrder: Area[] = [
  "plans",
  "planImports",
  "notices",
  "extensions",
  "rectifications",
  "inspections",
  "instructions",
  "units",
  "groups",
  "users",
  "audit",
  "unitKeywords",
  "channels",
];

function hasRole(me: Me, allowed: Role[]): boolean {
  return me.roles.some((role) => allowed.includes(role));
}

/** True when the user may open the area; an explicit ability from the server wins over the role table. */
export function canOpen(me: Me, area: Area): boolean {
  const rule = rules[area];
  const granted = me.abilities[rule.view];
  return typeof granted === "boolean" ? granted : hasRole(me, rule.roles);
}

/** One entry of the side menu. */
export interface MenuEntry {
  key: string;
  path: string;
  label: string;
}

/** The side-menu entries of the user: 我的工作 for everyone, 本单位工作 for schools, then each area their roles use. */
export function menuEntries(me: Me): MenuEntry[] {
  const entries: MenuEntry[] = [{ key: "home", path: "/", label: "我的工作" }];
  if (me.unit && me.roles.includes("school"))
    entries.push({ key: "unitWork", path: `/units/${me.unit.id}/work`, label: "本单位工作" });
  for (const area of areaOrder) {
    const rule = rules[area];
    if (!canOpen(me, area) || !hasRole(me, rule.menuRoles)) continue;
    const label = canManage(me, area) ? rule.label.manage : rule.label.read;
    entries.push({ key: area, path: rule.path, label });
  }
  return entries;
}

/** The menu key of a location path, for highlighting the current entry. */
export function menuKeyOf(pathname: string): string {
  if (/^\/units\/[^/]+\/work/.test(pathname)) return "unitWork";
  const area = areaOrder.find((name) =>
    [rules[name].path, ...(rules[name].prefixes ?? [])].some((prefix) => pathname.startsWith(prefix)),
  );
  return area ?? "home";
}

/** True when the user manages the area (create, edit); the fallback when a list carries no abilities. */
export function canManage(me: Me, area: Area): boolean {
  const rule = rules[area];
  const granted = me.abilities[rule.manage];
  return typeof granted === "boolean" ? granted : hasRole(me, rule.manageRoles);
}
