import { type RouteAccess, refusedFirst } from "../../test/access.js";

/** Who may download a plan's 年度工作总结 draft: the 督查室 and leaders, refused by role before any lookup. */
export const summaryDocumentAccess: RouteAccess[] = [
  {
    route: "GET /api/plans/:id/summary-document",
    params: { id: "plan" },
    roles: { admin: 403, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "department", "school", "inspector"),
  },
];
