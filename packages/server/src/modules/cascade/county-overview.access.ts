import { type RouteAccess, refusedFirst } from "../../test/access.js";

// A superior bureau's 督查室 and leaders; everyone else is refused before the plan is looked up.
const readers = { admin: 403, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 };
const othersFirst = refusedFirst("admin", "department", "school", "inspector");

/** Who may call the 县区总览 and the 上级通报 (the matrix tenant has a bureau below it). */
export const countyOverviewAccess: RouteAccess[] = [
  {
    route: "GET /api/cascade/overview",
    scoped: true,
    query: (ids) => ({ planId: ids.plan }),
    roles: readers,
    foreign: othersFirst,
  },
  {
    route: "GET /api/cascade/bulletin-document",
    scoped: true,
    query: (ids) => ({ planId: ids.plan }),
    roles: readers,
    foreign: othersFirst,
  },
];
