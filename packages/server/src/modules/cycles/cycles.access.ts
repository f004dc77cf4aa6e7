import { type RouteAccess, STALE } from "../../test/access.js";

const office = { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 };

/** Who may call the 填报周期 routes: the 督查室 sets cadence and opens and closes cycles. */
export const cyclesAccess: RouteAccess[] = [
  {
    route: "PUT /api/plans/:id/settings",
    params: { id: "plan" },
    body: () => ({ cadence: "monthly", cadenceDueDay: 25, lightTolerance: 10, version: STALE }),
    roles: office,
  },
  {
    route: "GET /api/plans/:id/cycles",
    params: { id: "plan" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  // One cycle is open already, so even the 督查室 is refused a second one.
  { route: "POST /api/plans/:id/cycles", params: { id: "plan" }, body: () => ({}), roles: office },
  {
    route: "POST /api/cycles/:id/close",
    params: { id: "cycle" },
    body: () => ({ version: STALE }),
    roles: office,
  },
];
