import type { RouteAccess } from "../../test/access.js";

/** Who may call the evidence-file routes: anyone uploads; a file is read by its uploader and whoever sees it. */
export const evidenceAccess: RouteAccess[] = [
  {
    route: "POST /api/files",
    upload: "png",
    roles: { admin: 201, leader: 201, supervisor: 201, department: 201, school: 201, inspector: 201 },
  },
  {
    route: "GET /api/files/:id",
    params: { id: "file" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
    // Another school's unattached upload is not ours to see (issue 9 item 6).
    otherUnit: { school: 404 },
  },
];
