/** Who may read and manage users is decided in the domain; the Excel import asks through this module. */
export { canManageUsers, canViewUsers } from "@duban/domain";
