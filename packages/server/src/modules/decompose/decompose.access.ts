import { type RouteAccess, STALE } from "../../test/access.js";

const lead = { admin: 403, leader: 403, supervisor: 201, department: 201, school: 403, inspector: 403 };
const reason = "矩阵调整";
const indicator = {
  name: "矩阵指标",
  comparator: "gte",
  targetValue: 1,
  targetMax: null,
  unit: "所",
  deadline: null,
  aggregation: "sum",
  reason,
};

/** Who may call the 任务分解 and 销号 routes: the lead department changes its own task, the 督查室 confirms. */
export const decomposeAccess: RouteAccess[] = [
  {
    route: "PUT /api/nodes/:nodeId",
    params: { nodeId: "node" },
    body: () => ({ reason, version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 409, school: 403, inspector: 403 },
    otherUnit: { department: 403 },
  },
  {
    route: "POST /api/nodes/:nodeId/measures",
    params: { nodeId: "node" },
    body: () => ({ text: "矩阵措施", reason }),
    roles: lead,
    otherUnit: { department: 403 },
  },
  {
    route: "POST /api/nodes/:nodeId/indicators",
    params: { nodeId: "node" },
    body: () => indicator,
    roles: lead,
    otherUnit: { department: 403 },
  },
  {
    route: "POST /api/nodes/:nodeId/milestones",
    params: { nodeId: "node" },
    body: () => ({ title: "矩阵节点", deadline: "2023-12-31", reason }),
    roles: lead,
    otherUnit: { department: 403 },
  },
  {
    route: "PUT /api/indicators/:id",
    params: { id: "indicator" },
    body: () => indicator,
    roles: { ...lead, supervisor: 204, department: 204 },
    otherUnit: { department: 403 },
  },
  {
    route: "GET /api/plans/:id/changes",
    params: { id: "plan" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  {
    route: "POST /api/nodes/:nodeId/close-request",
    params: { nodeId: "node" },
    body: () => ({ summary: "已完成", version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 403, department: 409, school: 403, inspector: 403 },
    otherUnit: { department: 403 },
  },
  {
    route: "POST /api/nodes/:nodeId/close-decision",
    params: { nodeId: "node" },
    body: () => ({ decision: "confirm", version: STALE }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
  },
  {
    route: "GET /api/nodes/:nodeId/closures",
    params: { nodeId: "node" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
];
