import type { RouteAccess } from "../../test/access.js";

const adminOnly = { admin: 200, leader: 403, supervisor: 403, department: 403, school: 403, inspector: 403 };

/** Who may call the delivery-channel routes: the admin. */
export const channelsAccess: RouteAccess[] = [
  { route: "GET /api/channels", roles: adminOnly },
  {
    route: "PUT /api/channels",
    body: () => ({
      kind: "email",
      enabled: false,
      config: { host: "smtp.example.com", port: 587, tls: "starttls", from: "duban@example.com" },
    }),
    roles: adminOnly,
  },
  { route: "GET /api/deliveries", roles: adminOnly },
];
