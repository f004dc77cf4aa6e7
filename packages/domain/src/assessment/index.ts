export * from "./states.js";
export * from "./types.js";
export * from "./validate.js";
