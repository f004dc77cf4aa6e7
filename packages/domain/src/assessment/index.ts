export * from "./default-scheme.js";
export * from "./score.js";
export * from "./states.js";
export * from "./types.js";
export * from "./validate.js";
