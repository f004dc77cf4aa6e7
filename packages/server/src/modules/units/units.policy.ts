/** Who may read and manage units is decided in the domain; the Excel import asks through this module. */
export { canManageUnits, canViewUnits } from "@duban/domain";
