import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

// The 督查室 and leaders read both sides; everyone else is refused before any record is looked up.
const readers = { admin: 403, leader: 200, supervisor: 200, department: 403, school: 403, inspector: 403 };
const othersFirst = refusedFirst("admin", "department", "school", "inspector");

/** Who may call the 向上报送 routes: the subordinate sends on its received hand-downs, the superior reads. */
export const upwardReportAccess: RouteAccess[] = [
  {
    route: "GET /api/cascade/inbox/:id/upward",
    params: { id: "received" },
    roles: readers,
    foreign: othersFirst,
  },
  {
    route: "POST /api/cascade/inbox/:id/upward-reports",
    params: { id: "received" },
    body: () => ({ version: STALE, text: "已完成新增公办学位120个", fileIds: [] }),
    // The matrix's received hand-down is not linked yet: nothing to report on (409).
    roles: { admin: 403, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
    foreign: othersFirst,
  },
  {
    route: "GET /api/hand-downs/:id/upward-reports",
    params: { id: "handDown" },
    roles: readers,
    foreign: othersFirst,
  },
  {
    route: "GET /api/upward-reports/:id/files/:fileId",
    params: { id: "upwardReport", fileId: "file" },
    roles: readers,
    foreign: othersFirst,
  },
];
