import { type RouteAccess, refusedFirst } from "../../test/access.js";

/** Who may call the 领导批示 routes: leaders write, the unit named acknowledges. */
export const instructionsAccess: RouteAccess[] = [
  {
    route: "POST /api/instructions",
    scoped: true,
    body: (ids) => ({ entity: "rectification", entityId: ids.rectification, text: "矩阵批示" }),
    roles: { admin: 403, leader: 201, supervisor: 403, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "supervisor", "department", "school", "inspector"),
  },
  {
    route: "GET /api/instructions",
    scoped: true,
    query: (ids) => ({ entity: "rectification", entityId: ids.rectification }),
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
    // A filter, not a record: another tenant's or another unit's item lists no instruction.
    foreign: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
    otherUnit: { school: 200 },
  },
  {
    route: "GET /api/instructions/mine",
    roles: { admin: 403, leader: 200, supervisor: 403, department: 403, school: 403, inspector: 403 },
  },
  {
    route: "GET /api/instructions/:id",
    params: { id: "instruction" },
    // An inspector sees only instructions addressed to a unit, and has none.
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/instructions/:id/acknowledge",
    params: { id: "instruction" },
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
];
