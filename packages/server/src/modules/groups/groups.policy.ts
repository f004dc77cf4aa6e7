/** Who may read and manage unit groups is decided in the domain. */
export { canManageGroups, canViewGroups } from "@duban/domain";
