import { type RouteAccess, STALE } from "../../test/access.js";

/** Who may call the 文号 settings routes: the office reads them, the 督查室 and admin set them. */
export const docNumbersAccess: RouteAccess[] = [
  {
    route: "GET /api/settings/document-numbers",
    roles: { admin: 200, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 },
  },
  {
    route: "PUT /api/settings/document-numbers",
    // A stale version: the 督查室 and admin pass the permission check and meet the version check.
    body: () => ({ bulletin: "瓦教督通", notice: "督办", version: STALE }),
    roles: { admin: 409, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
  },
];
