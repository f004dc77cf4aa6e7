// Public face of the downloads module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { getReadableFile } from "./file-access.js";
