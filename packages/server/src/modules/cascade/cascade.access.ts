import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";
import { upwardReportAccess } from "./upward-reports.access.js";

// The 督查室 and leaders read both sides; everyone else is refused before any record is looked up.
const readers = { admin: 403, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 };
const othersFirst = refusedFirst("admin", "department", "school", "inspector");

/** Who may call the 上下联动 routes: the superior's hand-downs and roll-ups, the subordinate's inbox. */
export const cascadeAccess: RouteAccess[] = [
  { route: "GET /api/cascade/subordinates", roles: readers },
  {
    route: "POST /api/nodes/:nodeId/hand-downs",
    params: { nodeId: "node" },
    scoped: true,
    body: (ids) => ({ tenantIds: [ids.subordinate] }),
    // Handing down again to a bureau that holds it changes nothing and answers the hand-down.
    roles: { admin: 403, leader: 403, supervisor: 201, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "leader", "department", "school", "inspector"),
  },
  {
    route: "GET /api/nodes/:nodeId/requirements",
    params: { nodeId: "node" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  {
    route: "GET /api/hand-downs",
    scoped: true,
    query: (ids) => ({ planId: ids.plan }),
    roles: readers,
    foreign: othersFirst,
  },
  { route: "GET /api/hand-downs/:id", params: { id: "handDown" }, roles: readers, foreign: othersFirst },
  {
    route: "PUT /api/hand-downs/:id/weights",
    params: { id: "handDown" },
    body: (ids) => ({ version: STALE, weights: [{ tenantId: ids.subordinate, weight: 2 }] }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "leader", "department", "school", "inspector"),
  },
  { route: "GET /api/cascade/inbox", roles: readers },
  { route: "GET /api/cascade/inbox/:id", params: { id: "received" }, roles: readers, foreign: othersFirst },
  {
    route: "POST /api/cascade/inbox/:id/link",
    params: { id: "received" },
    scoped: true,
    body: (ids) => ({ version: STALE, nodeId: ids.node }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: othersFirst,
  },
  {
    route: "POST /api/cascade/inbox/:id/return",
    params: { id: "received" },
    body: () => ({ version: STALE, reason: "本局无此项工作" }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: othersFirst,
  },
  ...upwardReportAccess,
];
