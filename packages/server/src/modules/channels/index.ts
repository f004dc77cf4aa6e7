// Public face of the channels module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export { findChannelSettings, findDeliveryPage, maskTarget, saveChannelSetting } from "./channels.service.js";
