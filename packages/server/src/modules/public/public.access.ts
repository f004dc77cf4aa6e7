import { allRoles, type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

const office = { admin: 409, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 };

/**
 * Who may call the public-page routes. The page itself is public by design (its own tests check what it shows):
 * the matrix's plan is not public, so every caller, signed in or not, gets the same 404.
 */
export const publicAccess: RouteAccess[] = [
  {
    route: "GET /api/public/:tenantSlug/plans/:planId",
    params: { tenantSlug: "=no-such-bureau", planId: "plan" },
    anonymous: 404,
    roles: allRoles(404),
  },
  { route: "GET /api/plans/:id/public-settings", params: { id: "plan" }, roles: allRoles(200) },
  {
    route: "PUT /api/plans/:id/public-settings",
    params: { id: "plan" },
    body: () => ({ public: true, nodeIds: [], indicatorIds: [], version: STALE }),
    roles: office,
    foreign: refusedFirst("leader", "department", "school", "inspector"),
  },
];
