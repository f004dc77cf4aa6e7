import { allRoles, type RouteAccess, STALE } from "../../test/access.js";

/**
 * Who may call the 计算指标 routes: every role reads a computed indicator of the published plan; the 督查室 and the
 * task's lead department define its formula. The fixture's indicator has no formula yet: a PUT at a stale
 * version is refused 409 after the permission check, and a DELETE finds nothing to remove (404) once allowed.
 */
export const indicatorFormulasAccess: RouteAccess[] = [
  {
    route: "GET /api/indicators/:id/computed",
    params: { id: "indicator" },
    roles: allRoles(200),
  },
  {
    route: "GET /api/indicators/:id/computed/rows.xlsx",
    params: { id: "indicator" },
    roles: allRoles(200),
  },
  {
    route: "PUT /api/indicators/:id/formula",
    params: { id: "indicator" },
    body: (ids) => ({ formId: ids.form, source: "sum(在园幼儿数)", version: STALE }),
    scoped: true,
    roles: { ...allRoles(403), supervisor: 409, department: 409 },
    otherUnit: { department: 403 },
  },
  {
    route: "DELETE /api/indicators/:id/formula",
    params: { id: "indicator" },
    roles: { ...allRoles(403), supervisor: 404, department: 404 },
    otherUnit: { department: 403 },
  },
];
