import { type RouteAccess, refusedFirst } from "../../test/access.js";

const overseers = { admin: 200, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 };

/** Who may call the 台账 routes: the office, leaders and admins read; only the office 催报. */
export const ledgerAccess: RouteAccess[] = [
  {
    route: "GET /api/plans/:id/ledger",
    params: { id: "plan" },
    roles: overseers,
    foreign: refusedFirst("department", "school", "inspector"),
  },
  {
    route: "GET /api/cycles/:id/filing",
    params: { id: "cycle" },
    roles: overseers,
    foreign: refusedFirst("department", "school", "inspector"),
  },
  {
    route: "POST /api/cycles/:id/urge",
    params: { id: "cycle" },
    roles: { ...overseers, admin: 403, leader: 403 },
    foreign: refusedFirst("department", "school", "inspector"),
  },
];
