import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

const office = { admin: 403, leader: 403, supervisor: 200, department: 403, school: 403, inspector: 403 };
// Inspectors have no part in 督办: the list is empty and a notice is not theirs to see.
const reads = { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 404 };

/** Who may call the 督办单 routes: the 督查室 (and leaders) issue, the 督查室 decides, the unit named replies. */
export const noticesAccess: RouteAccess[] = [
  { route: "GET /api/notices", roles: { ...reads, inspector: 200 } },
  {
    route: "POST /api/notices",
    scoped: true,
    body: (ids) => ({
      nodeId: ids.node,
      assignmentId: ids.assignment,
      level: "blue",
      reason: "矩阵督办",
      replyDue: "2099-12-31",
      // Each role raises one on the same assignment: past the first, the repeat warning would answer 409.
      allowDuplicate: true,
    }),
    roles: { ...office, leader: 201, supervisor: 201 },
    foreign: refusedFirst("admin", "department", "school", "inspector"),
  },
  { route: "GET /api/notices/export.xlsx", roles: { ...office, admin: 200, leader: 200 } },
  { route: "POST /api/notices/scan", roles: office },
  {
    route: "GET /api/notices/:id",
    params: { id: "notice" },
    roles: reads,
    otherUnit: { school: 404 },
  },
  {
    route: "GET /api/notices/:id/document",
    params: { id: "notice" },
    roles: reads,
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/notices/:id/reply",
    params: { id: "notice" },
    body: () => ({ text: "已整改" }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/notices/:id/decision",
    params: { id: "notice" },
    body: () => ({ decision: "accept", version: STALE }),
    roles: { ...office, supervisor: 409, inspector: 404 },
  },
];
