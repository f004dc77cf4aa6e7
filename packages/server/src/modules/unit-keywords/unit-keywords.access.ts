import type { RouteAccess } from "../../test/access.js";

const office = { admin: 200, leader: 403, supervisor: 200, department: 403, school: 403, inspector: 403 };

/** Who may call the unit-keyword routes: admin and 督查室 read them, the admin edits. */
export const unitKeywordsAccess: RouteAccess[] = [
  { route: "GET /api/unit-keywords", roles: office },
  { route: "PUT /api/unit-keywords", body: () => ({ entries: [] }), roles: { ...office, supervisor: 403 } },
];
