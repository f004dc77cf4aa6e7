import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

const office = { admin: 200, leader: 200, supervisor: 200, department: 200, school: 403, inspector: 200 };
const adminOnly = { admin: 409, leader: 403, supervisor: 403, department: 403, school: 403, inspector: 403 };

/** Who may call the unit routes: the bureau reads units, the admin changes them. */
export const unitsAccess: RouteAccess[] = [
  { route: "GET /api/units", roles: office },
  { route: "GET /api/units/options", roles: { ...office, school: 200 } },
  { route: "GET /api/units/townships", roles: office },
  {
    route: "POST /api/units",
    body: () => ({
      name: `矩阵学校${Math.random().toString(16).slice(2, 8)}`,
      kind: "school",
      schoolType: "primary",
      ownership: "public",
    }),
    roles: { ...adminOnly, admin: 201 },
  },
  { route: "GET /api/units/:id", params: { id: "unit" }, roles: office, foreign: refusedFirst("school") },
  {
    route: "PUT /api/units/:id",
    params: { id: "unit" },
    body: () => ({
      name: "矩阵改名",
      kind: "school",
      schoolType: "primary",
      ownership: "public",
      version: STALE,
    }),
    roles: adminOnly,
    foreign: refusedFirst("school"),
  },
  {
    route: "PUT /api/units/:id/enabled",
    params: { id: "unit" },
    body: () => ({ enabled: false, version: STALE }),
    roles: adminOnly,
    foreign: refusedFirst("school"),
  },
  { route: "GET /api/units/import-template", roles: { ...adminOnly, admin: 200 } },
  // The sheet lacks the template's columns: refused as invalid only once the caller may import.
  { route: "POST /api/units/import", upload: "xlsx", roles: { ...adminOnly, admin: 400 } },
];
