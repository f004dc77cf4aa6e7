import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

// The 督查室 and leaders read both sides; everyone else is refused before any record is looked up.
const readers = { admin: 403, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 };
const othersFirst = refusedFirst("admin", "department", "school", "inspector");
const officeOnly = refusedFirst("admin", "leader", "department", "school", "inspector");

/** Who may call the 上级督办 routes: the superior's 督查室 issues and decides, the subordinate's replies. */
export const cascadeNoticesAccess: RouteAccess[] = [
  {
    route: "POST /api/hand-downs/:id/notices",
    params: { id: "handDown" },
    scoped: true,
    body: (ids) => ({
      tenantId: ids.subordinate,
      level: "yellow",
      reason: "矩阵督办",
      replyDue: "2099-12-31",
    }),
    // The matrix's subordinate already has a live notice on the hand-down: a second one is refused.
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: officeOnly,
  },
  {
    route: "GET /api/hand-downs/:id/notices",
    params: { id: "handDown" },
    roles: readers,
    foreign: othersFirst,
  },
  {
    route: "POST /api/hand-down-notices/:id/decision",
    params: { id: "handDownNotice" },
    body: () => ({ decision: "accept", version: STALE }),
    // The matrix's notice is still open (its subordinate has no one to answer it): not yet for a decision.
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: othersFirst,
  },
  {
    route: "GET /api/hand-down-notices/:id/document",
    params: { id: "handDownNotice" },
    roles: readers,
    foreign: othersFirst,
  },
  { route: "GET /api/cascade/notices", roles: readers },
  {
    route: "GET /api/cascade/notices/:id/document",
    params: { id: "receivedNotice" },
    roles: readers,
    foreign: othersFirst,
  },
  {
    route: "GET /api/cascade/notices/:id",
    params: { id: "receivedNotice" },
    roles: readers,
    foreign: othersFirst,
  },
  {
    route: "POST /api/cascade/notices/:id/reply",
    params: { id: "receivedNotice" },
    body: () => ({ version: STALE, text: "已召开专题会议部署整改" }),
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: othersFirst,
  },
];
