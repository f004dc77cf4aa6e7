// Public face of the cascade module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export {
  type CascadeNoticeWaiting,
  type CascadeWorkWaiting,
  findCascadeWorkWaitingFor,
  type HandDownToReceive,
} from "./cascade-waiting.js";
export { type SetTenantParentInput, setTenantParent } from "./set-tenant-parent.js";
