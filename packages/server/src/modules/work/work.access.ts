import type { RouteAccess } from "../../test/access.js";

/** Who may call the 我的工作 routes. */
export const workAccess: RouteAccess[] = [
  {
    route: "GET /api/my-work",
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  {
    route: "GET /api/units/:id/assignments",
    params: { id: "unit" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "GET /api/nodes/:nodeId/reports",
    params: { nodeId: "node" },
    // Everyone may ask; a school gets its own unit's reports only, an inspector none (see the module tests).
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
];
