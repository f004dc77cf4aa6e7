// Public face of the rectifications module: the only file that other modules, jobs/, cli/ and seed/ import from it.
export {
  findRectificationsWaitingFor,
  getRectification,
  insertRectificationIn,
} from "./rectifications.service.js";
