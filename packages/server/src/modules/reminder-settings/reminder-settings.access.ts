import { type RouteAccess, STALE } from "../../test/access.js";

/** Who may call the 催办 settings routes: whoever sees the plan reads them, the 督查室 and admin change them. */
export const reminderSettingsAccess: RouteAccess[] = [
  {
    route: "GET /api/plans/:id/reminder-settings",
    params: { id: "plan" },
    roles: { admin: 200, leader: 200, supervisor: 200, department: 200, school: 200, inspector: 200 },
  },
  {
    route: "PUT /api/plans/:id/reminder-settings",
    params: { id: "plan" },
    body: () => ({ remindDaysBefore: 3, escalateAfterDays: 3, remindWorkdaysOnly: true, version: STALE }),
    roles: { admin: 409, leader: 403, supervisor: 409, department: 403, school: 403, inspector: 403 },
  },
];
