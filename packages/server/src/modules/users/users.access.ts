import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

const adminOnly = { admin: 409, leader: 403, supervisor: 403, department: 403, school: 403, inspector: 403 };
// Leaders read the staff list; only the admin changes it.
const reads = { ...adminOnly, admin: 200, leader: 200 };

/** Who may call the user routes: only the admin manages accounts. */
export const usersAccess: RouteAccess[] = [
  { route: "GET /api/users", roles: reads },
  {
    route: "POST /api/users",
    body: () => ({
      name: "矩阵用户",
      login: `m${Math.random().toString(16).slice(2, 10)}`,
      roles: ["leader"],
      password: "Matrix@67890",
    }),
    roles: { ...adminOnly, admin: 201 },
  },
  {
    route: "GET /api/users/:id",
    params: { id: "user" },
    roles: reads,
    foreign: refusedFirst("supervisor", "department", "school", "inspector"),
  },
  {
    route: "PUT /api/users/:id",
    params: { id: "user" },
    foreign: refusedFirst("supervisor", "department", "school", "inspector"),
    body: () => ({
      name: "矩阵改名",
      login: `m${Math.random().toString(16).slice(2, 10)}`,
      roles: ["leader"],
      version: STALE,
    }),
    roles: adminOnly,
  },
  {
    route: "PUT /api/users/:id/enabled",
    params: { id: "user" },
    foreign: refusedFirst("supervisor", "department", "school", "inspector"),
    body: () => ({ enabled: false, version: STALE }),
    roles: adminOnly,
  },
  {
    route: "POST /api/users/:id/reset-password",
    params: { id: "user" },
    foreign: refusedFirst("supervisor", "department", "school", "inspector"),
    body: () => ({ password: "Matrix@67890" }),
    roles: { ...adminOnly, admin: 204 },
  },
  {
    route: "POST /api/users/:id/unlock",
    params: { id: "user" },
    roles: { ...adminOnly, admin: 204 },
    foreign: refusedFirst("supervisor", "department", "school", "inspector"),
  },
  { route: "GET /api/users/import-template", roles: { ...adminOnly, admin: 200 } },
  // The sheet lacks the template's columns: refused as invalid only once the caller may import.
  { route: "POST /api/users/import", upload: "xlsx", roles: { ...adminOnly, admin: 400 } },
];
