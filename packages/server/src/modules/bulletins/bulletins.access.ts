import { type RouteAccess, refusedFirst, STALE } from "../../test/access.js";

// The matrix's 通报 is a draft: only the 督查室 and leaders see it, so every other role gets 404 as for a record
// that is not theirs; a leader sees it but may not change it (403). Writes go at a stale version (409) and change
// nothing, so the cells after them meet the same draft.
const draftSeenBy = {
  admin: 404,
  leader: 200,
  supervisor: 200,
  department: 404,
  school: 404,
  inspector: 404,
};
const draftWrittenBy = {
  admin: 404,
  leader: 403,
  supervisor: 409,
  department: 404,
  school: 404,
  inspector: 404,
};

/** Who may call the 督查通报 routes: the 督查室 drafts, edits and issues; leaders read; named units read issued ones. */
export const bulletinsAccess: RouteAccess[] = [
  {
    route: "POST /api/plans/:id/bulletins",
    params: { id: "plan" },
    body: () => ({ title: "矩阵督查通报", from: "2023-06-01", to: "2023-06-15" }),
    roles: { admin: 403, leader: 403, supervisor: 201, department: 403, school: 403, inspector: 403 },
    foreign: refusedFirst("admin", "leader", "department", "school", "inspector"),
  },
  {
    route: "GET /api/plans/:id/bulletins",
    params: { id: "plan" },
    // A list, filtered: a unit finds the issued 通报 naming it, and none here.
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  { route: "GET /api/bulletins/:id", params: { id: "bulletin" }, roles: draftSeenBy },
  { route: "GET /api/bulletins/:id/document", params: { id: "bulletin" }, roles: draftSeenBy },
  {
    route: "PUT /api/bulletins/:id",
    params: { id: "bulletin" },
    body: () => ({ title: "矩阵督查通报", content: [{ type: "paragraph", text: "正文" }], version: STALE }),
    roles: draftWrittenBy,
  },
  {
    route: "DELETE /api/bulletins/:id",
    params: { id: "bulletin" },
    body: () => ({ version: STALE }),
    roles: draftWrittenBy,
  },
  {
    route: "POST /api/bulletins/:id/issue",
    params: { id: "bulletin" },
    body: () => ({ version: STALE }),
    roles: draftWrittenBy,
  },
];
