// The downloads module's public face: who may read a stored file, for other modules, jobs, the CLI and the seed.
export { getReadableFile } from "./file-access.js";
