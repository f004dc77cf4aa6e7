import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

// The matrix's form is owned by the department (学前教育科) and was sent to the kindergarten and another one, so
// it is active; its submission is the kindergarten's draft. The bureau's roles read forms and rounds, units
// only their own submissions (404 otherwise). Writes go at a stale version, or meet a state that refuses them
// (409), and change nothing, so the cells after them meet the same records.
const readByBureau = {
  admin: 200,
  leader: 200,
  supervisor: 200,
  department: 200,
  school: 404,
  inspector: 404,
};
const managedBy = (ok: number) => ({
  admin: ok,
  leader: 403,
  supervisor: ok,
  department: ok,
  school: 404,
  inspector: 404,
});
const filledBy = {
  admin: 403,
  leader: 403,
  supervisor: 403,
  department: 403,
  school: 409,
  inspector: 404,
};
// A draft is not yet reviewable (409) for those who review; the unit itself may not review (403).
const reviewedBy = { admin: 409, leader: 403, supervisor: 409, department: 409, school: 403, inspector: 404 };
const fields = [{ key: "children", label: "在园幼儿数", type: "integer", required: false, min: 0 }];

/** Who may call the 数据填报 routes: managers define, send, 催报 and review; units fill their own; leaders read. */
export const formsAccess: RouteAccess[] = [
  {
    route: "GET /api/plans/:id/forms",
    params: { id: "plan" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 403, inspector: 403 },
    foreign: refusedFirst("school", "inspector"),
  },
  {
    route: "POST /api/plans/:id/forms",
    params: { id: "plan" },
    body: () => ({ title: "矩阵填报表", fields }),
    roles: { admin: 201, leader: 403, supervisor: 201, department: 201, school: 403, inspector: 403 },
    foreign: refusedFirst("leader", "school", "inspector"),
  },
  { route: "GET /api/forms/:id", params: { id: "form" }, roles: readByBureau },
  {
    route: "PUT /api/forms/:id",
    params: { id: "form" },
    body: () => ({ title: "矩阵填报表", fields, version: STALE }),
    roles: managedBy(409),
  },
  {
    route: "DELETE /api/forms/:id",
    params: { id: "form" },
    body: () => ({ version: STALE }),
    roles: managedBy(409),
  },
  {
    route: "POST /api/forms/:id/archive",
    params: { id: "form" },
    body: () => ({ version: STALE }),
    roles: managedBy(409),
  },
  {
    route: "POST /api/forms/:id/restore",
    params: { id: "form" },
    body: () => ({ version: STALE }),
    roles: managedBy(409),
  },
  {
    route: "POST /api/forms/:id/rounds",
    params: { id: "form" },
    body: (ids) => ({ name: "矩阵批次", deadline: "2023-06-30", unitIds: [ids.unit] }),
    scoped: true,
    roles: managedBy(201),
  },
  { route: "GET /api/form-rounds/:id", params: { id: "formRound" }, roles: readByBureau },
  { route: "POST /api/form-rounds/:id/urge", params: { id: "formRound" }, roles: managedBy(200) },
  {
    route: "POST /api/form-rounds/:id/close",
    params: { id: "formRound" },
    body: () => ({ version: STALE }),
    roles: managedBy(409),
  },
  {
    route: "GET /api/my/form-submissions",
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  {
    route: "GET /api/form-submissions/:id",
    params: { id: "formSubmission" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
  {
    route: "PUT /api/form-submissions/:id",
    params: { id: "formSubmission" },
    body: () => ({ values: {}, version: STALE }),
    roles: filledBy,
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/form-submissions/:id/submit",
    params: { id: "formSubmission" },
    body: () => ({ version: STALE }),
    roles: filledBy,
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/form-submissions/:id/approve",
    params: { id: "formSubmission" },
    body: () => ({ version: STALE }),
    roles: reviewedBy,
    otherUnit: { school: 404 },
  },
  {
    route: "POST /api/form-submissions/:id/return",
    params: { id: "formSubmission" },
    body: () => ({ version: STALE, reason: "数据有误，请核实" }),
    roles: reviewedBy,
    otherUnit: { school: 404 },
  },
];
