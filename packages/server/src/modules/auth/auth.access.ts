import { allRoles, type RouteAccess } from "../../test/access.js";
import { TEST_PASSWORD } from "../../test/factories.js";

/** Who may call the sign-in routes: signing in is public, the rest is each user's own session. */
export const authAccess: RouteAccess[] = [
  // A wrong password for a login nobody holds (a new one each time, so no lockout counts up).
  {
    route: "POST /api/auth/login",
    body: () => ({ login: `nobody-${Math.random().toString(16).slice(2, 10)}`, password: "wrong" }),
    anonymous: 401,
    roles: allRoles(401),
  },
  { route: "GET /api/auth/me", roles: allRoles(200) },
  { route: "POST /api/auth/logout", ownSession: true, roles: allRoles(204) },
  { route: "POST /api/auth/logout-all", ownSession: true, roles: allRoles(204) },
  {
    route: "POST /api/auth/change-password",
    ownSession: true,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: "Matrix@67890" }),
    roles: allRoles(204),
  },
];
