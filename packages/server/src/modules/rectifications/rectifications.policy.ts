/** Who may see a 整改 item is decided in the domain; other modules ask through this module. */
export { canSeeRectification } from "@duban/domain";
