import { allRoles, type RouteAccess } from "../../test/access.js";

const adminOnly = { ...allRoles(403), admin: 200 };

/** Who may call the calendar routes: every role reads it, the admin keeps it. */
export const calendarAccess: RouteAccess[] = [
  { route: "GET /api/work-calendar", roles: allRoles(200) },
  { route: "GET /api/work-calendar/:year", params: { year: "=2027" }, roles: allRoles(200) },
  {
    route: "PUT /api/work-calendar/:year",
    params: { year: "=2030" },
    body: () => ({ days: [{ date: "2030-01-01", kind: "holiday", name: "元旦" }], version: 0 }),
    roles: adminOnly,
  },
  { route: "POST /api/work-calendar/:year/reset", params: { year: "=2030" }, roles: adminOnly },
];
