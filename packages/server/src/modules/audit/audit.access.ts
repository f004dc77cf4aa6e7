import type { RouteAccess } from "../../test/access.js";

/** Who may read the audit log: the admin. */
export const auditAccess: RouteAccess[] = [
  {
    route: "GET /api/audit-logs",
    roles: { admin: 200, leader: 403, supervisor: 403, department: 403, school: 403, inspector: 403 },
  },
];
