/** Who may see a visit is decided in the domain; other modules ask through this module. */
export { canSeeInspection } from "@duban/domain";
