import { type RouteAccess, refusedFirst } from "../../test/access.js";

// The whole table is the 督查室's and the leaders'; every other role is refused before the run is looked up, so
// it gets 403 for another bureau's run too. The matrix's run is published, so its 通报 downloads.
const overseers = { admin: 403, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 };
const refusedRoles = refusedFirst("admin", "department", "school", "inspector");

/** Who may download a run's documents: the 督查室 and leaders. */
export const assessmentDocumentsAccess: RouteAccess[] = [
  {
    route: "GET /api/assessments/:id/results.xlsx",
    params: { id: "assessment" },
    roles: overseers,
    foreign: refusedRoles,
  },
  {
    route: "GET /api/assessments/:id/document",
    params: { id: "assessment" },
    roles: overseers,
    foreign: refusedRoles,
  },
];
