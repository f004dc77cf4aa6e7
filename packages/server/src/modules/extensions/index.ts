// Public face of the extensions module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { decideExtension } from "./decide-extension.js";
export {
  createExtension,
  findExtensionsPage,
  findExtensionsToDecide,
  getExtensionDetail,
  TOO_LATE,
  toExtension,
} from "./extensions.service.js";
