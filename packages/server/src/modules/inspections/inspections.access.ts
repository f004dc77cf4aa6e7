import { type RouteAccess, refusedFirst } from "../../test/access.js";

const reads = { admin: 200, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 200 };

/** Who may call the 督导 visit routes: inspectors record their visits, the office reads them all. */
export const inspectionsAccess: RouteAccess[] = [
  {
    route: "POST /api/inspections",
    scoped: true,
    body: (ids) => ({
      unitId: ids.unit,
      visitDate: "2024-03-12",
      kind: "矩阵督导",
      findings: [{ text: "问题" }],
    }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 403, inspector: 201 },
    // Another tenant's unit is an invalid field of the form, named as such.
    foreign: { admin: 403, leader: 403, supervisor: 403, department: 403, school: 403, inspector: 400 },
  },
  { route: "GET /api/inspections", roles: reads },
  {
    route: "GET /api/inspections/:id",
    params: { id: "inspection" },
    roles: reads,
    foreign: refusedFirst("department", "school"),
    otherUnit: { inspector: 404 },
  },
  {
    route: "POST /api/inspections/:id/findings/:index/rectify",
    params: { id: "inspection", index: "=0" },
    body: () => ({ requirement: "限期整改", deadline: "2099-12-31" }),
    roles: { admin: 403, leader: 403, supervisor: 201, department: 403, school: 403, inspector: 409 },
    foreign: refusedFirst("department", "school"),
    otherUnit: { inspector: 404 },
  },
];
