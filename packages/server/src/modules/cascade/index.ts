// Public face of the cascade module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { type SetTenantParentInput, setTenantParent } from "./set-tenant-parent.js";
