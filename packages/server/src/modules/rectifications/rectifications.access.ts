import { type RouteAccess, STALE } from "../../test/access.js";

const reads = { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 };
const item = (unitId: string) => ({
  unitId,
  problem: "矩阵问题",
  requirement: "立即整改",
  deadline: "2099-12-31",
  source: "manual",
});

/** Who may call the 整改 routes: the 督查室 and inspectors open items, the unit submits, they verify. */
export const rectificationsAccess: RouteAccess[] = [
  {
    route: "POST /api/rectifications",
    scoped: true,
    body: (ids) => item(ids.unit),
    roles: { admin: 201, leader: 403, supervisor: 201, department: 403, school: 403, inspector: 201 },
    // Another tenant's unit is an invalid field of the form, named as such.
    foreign: { admin: 400, supervisor: 400, inspector: 400, leader: 403, department: 403, school: 403 },
  },
  { route: "GET /api/rectifications", roles: reads },
  { route: "GET /api/rectifications/stats", roles: reads },
  { route: "GET /api/rectifications/export.xlsx", roles: reads },
  {
    route: "GET /api/rectifications/:id",
    params: { id: "rectification" },
    roles: reads,
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/rectifications/:id/submit",
    params: { id: "rectification" },
    body: () => ({ measures: "已清理", version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 409, inspector: 403 },
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/rectifications/:id/verify",
    params: { id: "rectification" },
    body: () => ({ decision: "accept", version: STALE }),
    // Not yet submitted: the 督查室 and admin may verify but not now; the inspector did not record this item.
    roles: { admin: 409, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
  },
];
