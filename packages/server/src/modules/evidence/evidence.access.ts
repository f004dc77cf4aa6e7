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
    // The fixture's file is a school's upload not yet attached to anything: until it is, only the uploading unit
    // reads it; attached files are read by whoever sees their record (evidence-access.routes.test.ts).
    roles: { admin: 404, leader: 404, supervisor: 404, department: 404, school: 200, inspector: 404 },
    otherUnit: { school: 404 },
  },
];
