import { type RouteAccess, refusedFirst } from "../../test/access.js";

/** Who may open the cockpit: the bureau's leaders, 督查室 and admins the plan, departments and schools their part. */
export const snapshotsAccess: RouteAccess[] = [
  {
    route: "GET /api/plans/:id/cockpit",
    params: { id: "plan" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 403 },
    // A 责任督学 has no cockpit at all: refused before the plan is looked up.
    foreign: refusedFirst("inspector"),
  },
];
