import { defaultAssessmentScheme } from "@duban/domain";
import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

// The matrix's 考评 is a formal run of the plan, published, with the kindergarten's appeal pending and a 加分 entry
// of the 督查室. Admins and inspectors have no part in 考评: refused by role on plan routes (403, before any
// lookup), and the run is as unseen to them as another bureau's (404). The department (学前教育科) holds no
// assignment, so it is not among the units assessed: it reads the published run but has no result to see.
const runSeenBy = {
  admin: 404,
  leader: 200,
  supervisor: 200,
  department: 200,
  school: 200,
  inspector: 404,
};
// Writes of the 督查室 go at a stale version on a published run: 409 after the permission check.
const runWrittenBy = {
  admin: 404,
  leader: 403,
  supervisor: 409,
  department: 403,
  school: 403,
  inspector: 404,
};

/** Who may call the 考评 routes: the 督查室 runs it, leaders read it, units read their own result and appeal. */
export const assessmentsAccess: RouteAccess[] = [
  {
    route: "GET /api/plans/:id/assessment-scheme",
    params: { id: "plan" },
    roles: { admin: 403, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 403 },
    foreign: refusedFirst("admin", "inspector"),
  },
  {
    route: "PUT /api/plans/:id/assessment-scheme",
    params: { id: "plan" },
    // The matrix's formal run locked the scheme: the 督查室's save is refused as locked.
    body: () => ({ scheme: defaultAssessmentScheme(), version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "leader", "department", "school", "inspector"),
  },
  {
    route: "POST /api/plans/:id/assessment-scheme/copy",
    params: { id: "plan" },
    body: (ids) => ({ fromPlanId: ids.plan, version: STALE }),
    scoped: true,
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "leader", "department", "school", "inspector"),
  },
  {
    route: "GET /api/plans/:id/assessment-entries",
    params: { id: "plan" },
    roles: { admin: 403, leader: 200, supervisor: 200, department: 200, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "school", "inspector"),
  },
  {
    route: "POST /api/plans/:id/assessment-entries",
    params: { id: "plan" },
    body: (ids) => ({ unitId: ids.unit, itemKey: "bonus", points: 1, reason: "市级表彰" }),
    scoped: true,
    roles: { admin: 403, leader: 403, supervisor: 201, department: 201, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "leader", "school", "inspector"),
  },
  {
    route: "POST /api/assessment-entries/:id/revoke",
    params: { id: "assessmentEntry" },
    body: () => ({ reason: "录入有误" }),
    // The 督查室 revokes the entry; the department did not enter it, so it is not its to see.
    roles: { admin: 403, leader: 403, supervisor: 200, department: 404, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "school", "inspector"),
  },
  {
    route: "POST /api/plans/:id/assessments",
    params: { id: "plan" },
    body: () => ({ asOf: "2023-06-15", final: false }),
    roles: { admin: 403, leader: 403, supervisor: 201, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "leader", "department", "school", "inspector"),
  },
  {
    route: "GET /api/plans/:id/assessments",
    params: { id: "plan" },
    roles: { admin: 403, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 403 },
    foreign: refusedFirst("admin", "inspector"),
  },
  { route: "GET /api/assessments/:id", params: { id: "assessment" }, roles: runSeenBy },
  {
    route: "DELETE /api/assessments/:id",
    params: { id: "assessment" },
    body: () => ({ version: STALE }),
    roles: runWrittenBy,
  },
  {
    route: "GET /api/assessments/:id/results",
    params: { id: "assessment" },
    roles: { ...runSeenBy, department: 404 },
  },
  {
    route: "GET /api/assessments/:id/adjustments",
    params: { id: "assessment" },
    roles: { ...runWrittenBy, supervisor: 200 },
  },
  {
    route: "POST /api/assessments/:id/adjustments",
    params: { id: "assessment" },
    body: (ids) => ({ unitId: ids.unit, itemKey: "bonus", points: 1, reason: "复核", version: STALE }),
    roles: runWrittenBy,
  },
  {
    route: "POST /api/assessments/:id/publish",
    params: { id: "assessment" },
    body: () => ({ version: STALE }),
    roles: runWrittenBy,
  },
  {
    route: "POST /api/assessments/:id/finalise",
    params: { id: "assessment" },
    body: () => ({ version: STALE }),
    roles: runWrittenBy,
  },
  { route: "GET /api/assessments/:id/appeals", params: { id: "assessment" }, roles: runSeenBy },
  {
    route: "POST /api/assessments/:id/appeals",
    params: { id: "assessment" },
    body: () => ({ reason: "指标数据已报送，未计入" }),
    // The kindergarten has appealed already (409); the department has no result to appeal (404).
    roles: { admin: 404, leader: 403, supervisor: 403, department: 404, school: 409, inspector: 404 },
  },
  {
    route: "POST /api/assessment-appeals/:id/decision",
    params: { id: "assessmentAppeal" },
    body: () => ({ decision: "accept", reason: "情况属实", adjustment: { itemKey: "bonus", points: 1 } }),
    // The 督查室 accepts it; the department is not the appealing unit, the kindergarten may not decide its own.
    roles: { admin: 404, leader: 403, supervisor: 200, department: 404, school: 403, inspector: 404 },
  },
];
