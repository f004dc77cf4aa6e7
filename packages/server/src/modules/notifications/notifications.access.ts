import { allRoles, type RouteAccess } from "../../test/access.js";

/** Who may call the notification routes: each user their own notifications. */
export const notificationsAccess: RouteAccess[] = [
  { route: "GET /api/notifications", roles: allRoles(200) },
  { route: "POST /api/notifications/read-all", roles: allRoles(200) },
  // Each user reads and sets only their own preferences: the routes take no id.
  { route: "GET /api/notification-preferences", roles: allRoles(200) },
  {
    route: "PUT /api/notification-preferences",
    body: () => ({ preferences: [{ kind: "reminder", mode: "digest" }] }),
    roles: allRoles(200),
  },
  // The fixture's notification is the school user's: nobody else is told it exists.
  {
    route: "POST /api/notifications/:id/read",
    params: { id: "notification" },
    roles: { ...allRoles(404), school: 200 },
    otherUnit: { school: 404 },
  },
];
