/** Who may see a 督办单 is decided in the domain; other modules ask through this module. */
export { canSeeNotice } from "@duban/domain";
