import { allRoles, type RouteAccess } from "../../test/access.js";

/** Who may call the health routes: everyone, signed in or not. */
export const healthAccess: RouteAccess[] = [
  { route: "GET /api/health", anonymous: 200, roles: allRoles(200) },
];
