/** The roles of DESIGN.md; a user holds one or more. */
export const roles = ["admin", "leader", "supervisor", "department", "school", "inspector"] as const;

/** A user role. */
export type Role = (typeof roles)[number];

/** Chinese labels shown to users. */
export const roleLabels: Record<Role, string> = {
  admin: "系统管理员",
  leader: "局领导",
  supervisor: "督查室",
  department: "科室",
  school: "学校",
  inspector: "责任督学",
};
