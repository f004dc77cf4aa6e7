import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

const office = { admin: 200, leader: 200, supervisor: 200, department: 200, school: 403, inspector: 403 };
const editors = { admin: 409, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 };
const rule = { kind: "school", schoolTypes: ["kindergarten"] };

/** Who may call the unit-group routes: the office reads them, admin and 督查室 change them. */
export const groupsAccess: RouteAccess[] = [
  { route: "GET /api/groups", roles: office },
  {
    route: "POST /api/groups",
    body: () => ({ name: `矩阵分组${Math.random().toString(16).slice(2, 8)}`, kind: "rule", rule }),
    roles: { ...editors, admin: 201, supervisor: 201 },
  },
  {
    route: "POST /api/groups/preview",
    body: () => ({ rule }),
    roles: { ...editors, admin: 200, supervisor: 200 },
  },
  {
    route: "GET /api/groups/:id",
    params: { id: "group" },
    roles: office,
    foreign: refusedFirst("school", "inspector"),
  },
  {
    route: "PUT /api/groups/:id",
    params: { id: "group" },
    body: () => ({ name: "矩阵分组改名", kind: "rule", rule, version: STALE }),
    roles: editors,
    foreign: refusedFirst("school", "inspector"),
  },
  {
    route: "PUT /api/groups/:id/enabled",
    params: { id: "group" },
    body: () => ({ enabled: false, version: STALE }),
    roles: editors,
    foreign: refusedFirst("school", "inspector"),
  },
  {
    route: "GET /api/groups/:id/members",
    params: { id: "group" },
    roles: office,
    foreign: refusedFirst("school", "inspector"),
  },
];
