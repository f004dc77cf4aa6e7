import { allRoles, type RouteAccess } from "../../test/access.js";

/** Who may search: every signed-in role, each within what it may see (the module's tests check what is found). */
export const searchAccess: RouteAccess[] = [
  { route: "GET /api/search", query: () => ({ q: "幼儿园" }), roles: allRoles(200) },
];
