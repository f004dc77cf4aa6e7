import { type RouteAccess, STALE } from "../../test/access.js";

// Inspectors have no part in 交办: an assignment is not theirs to see.
const everyone = { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 };
const seers = { ...everyone, inspector: 404 };

/** Who may call the 交办 routes: the lead department hands out its task, the unit acknowledges. */
export const assignmentsAccess: RouteAccess[] = [
  {
    route: "POST /api/nodes/:nodeId/assignments",
    params: { nodeId: "node" },
    body: (ids) => ({ unitIds: [ids.unit], role: "executor" }),
    roles: { admin: 403, leader: 403, supervisor: 201, department: 201, school: 403, inspector: 403 },
    // A department hands out only the tasks it leads.
    otherUnit: { department: 403 },
  },
  { route: "GET /api/nodes/:nodeId/assignments", params: { nodeId: "node" }, roles: everyone },
  {
    route: "GET /api/assignments/:id",
    params: { id: "assignment" },
    roles: seers,
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/assignments/:id/acknowledge",
    params: { id: "assignment" },
    body: () => ({ version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 409, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/assignments/:id/remove",
    params: { id: "assignment" },
    body: () => ({ reason: "矩阵", version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 409, school: 403, inspector: 404 },
  },
];
