import { type RouteAccess, STALE } from "../../test/access.js";

/** Who may call the 延期申请 routes: the unit asks, the lead department and the 督查室 decide. */
export const extensionsAccess: RouteAccess[] = [
  // Inspectors have no part in 延期: the list is empty and a request is not theirs to see.
  {
    route: "GET /api/extensions",
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  {
    route: "POST /api/extensions",
    scoped: true,
    // One request is pending already, so the unit itself is refused a second.
    body: (ids) => ({
      assignmentId: ids.assignment,
      requestedDue: "2099-12-31",
      reason: "矩阵",
      progress: 50,
    }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 409, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "GET /api/extensions/:id",
    params: { id: "extension" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/extensions/:id/decision",
    params: { id: "extension" },
    body: () => ({ decision: "approve", version: STALE }),
    // The 督查室 decides only after the lead department has.
    roles: { admin: 403, leader: 403, supervisor: 403, department: 409, school: 403, inspector: 404 },
  },
];
