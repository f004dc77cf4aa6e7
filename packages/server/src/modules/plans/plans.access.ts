import { allRoles, type RouteAccess, refusedFirst, STALE } from "../../test/access.js";
import { seedPlanText } from "../../test/plan-fixtures.js";

const importers = { admin: 201, leader: 403, supervisor: 201, department: 403, school: 403, inspector: 403 };
const changes = { admin: 409, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 };
// Drafts are for the 督查室 and admin only: anyone else is not told that one exists (issue 9 item 18).
const draftReads = { admin: 200, leader: 404, supervisor: 200, department: 404, school: 404, inspector: 404 };

/** The smallest reviewed plan that validates. */
const draft = {
  title: "矩阵计划",
  issuer: null,
  year: 2023,
  docNumber: null,
  preamble: null,
  nodes: [
    {
      key: "n1",
      level: "task",
      label: null,
      number: 1,
      title: "一项任务",
      text: "一项任务",
      span: null,
      measures: [],
      targets: [],
      milestones: [],
      ownersText: null,
      leadUnitId: null,
      coUnitIds: [],
      deadline: null,
      children: [],
    },
  ],
};

/** Who may call the plan and plan-import routes: the office imports, everyone reads published plans. */
export const plansAccess: RouteAccess[] = [
  { route: "POST /api/plan-imports", body: () => ({ text: seedPlanText }), roles: importers },
  { route: "GET /api/plan-imports", roles: { ...changes, admin: 200, supervisor: 200 } },
  {
    route: "POST /api/plan-imports/upload",
    upload: "png",
    roles: { ...importers, admin: 415, supervisor: 415 },
  },
  { route: "GET /api/plan-imports/:id", params: { id: "planImport" }, roles: draftReads },
  {
    route: "PUT /api/plan-imports/:id",
    params: { id: "planImport" },
    body: () => ({ draft, version: STALE }),
    roles: changes,
    foreign: refusedFirst("leader", "department", "school", "inspector"),
  },
  {
    route: "POST /api/plan-imports/:id/publish",
    params: { id: "planImport" },
    body: () => ({ version: STALE }),
    roles: changes,
    foreign: refusedFirst("leader", "department", "school", "inspector"),
  },
  {
    route: "POST /api/plan-imports/:id/discard",
    params: { id: "planImport" },
    body: () => ({ version: STALE }),
    roles: changes,
    foreign: refusedFirst("leader", "department", "school", "inspector"),
  },
  {
    route: "GET /api/plans",
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  {
    route: "GET /api/plans/:id",
    params: { id: "plan" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  // The fixture plan was pasted, not uploaded: there is no source file for anyone.
  { route: "GET /api/plans/:id/source", params: { id: "plan" }, roles: allRoles(404) },
  ...(["archive", "unarchive"] as const).map(
    (action): RouteAccess => ({
      route: `POST /api/plans/:id/${action}`,
      params: { id: "plan" },
      body: () => ({ version: STALE }),
      roles: changes,
      foreign: refusedFirst("leader", "department", "school", "inspector"),
    }),
  ),
  {
    route: "POST /api/plans/:id/copy",
    params: { id: "plan" },
    body: () => ({ year: 2030 }),
    roles: importers,
    foreign: refusedFirst("leader", "department", "school", "inspector"),
  },
];
