import { type RouteAccess, STALE } from "../../test/access.js";

/** Who may call the 反馈 routes: the assigned unit reports, the lead department reviews; inspectors see none. */
export const reportsAccess: RouteAccess[] = [
  {
    route: "POST /api/assignments/:id/reports",
    params: { id: "assignment" },
    body: (ids) => ({ cycleId: ids.cycle, progress: 40, submit: true, version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 409, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/assignments/:id/reports/with-files",
    params: { id: "assignment" },
    form: (ids) => ({ report: { cycleId: ids.cycle, progress: 40, submit: true, version: STALE } }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 409, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "GET /api/assignments/:id/reports",
    params: { id: "assignment" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "GET /api/reports/:id",
    params: { id: "report" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/reports/:id/review",
    params: { id: "report" },
    body: () => ({ decision: "approve", version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 409, school: 403, inspector: 404 },
    otherUnit: { school: 404 },
  },
];
