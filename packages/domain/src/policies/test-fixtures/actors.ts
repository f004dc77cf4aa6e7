import type { Role } from "../../roles.js";
import type { PolicyActor } from "../actor.js";

/** The unit every test actor belongs to unless told otherwise. */
export const OWN_UNIT = "00000000-0000-4000-8000-0000000000aa";
/** Another unit of the same tenant. */
export const OTHER_UNIT = "00000000-0000-4000-8000-0000000000bb";

/** A test actor holding the given roles, in OWN_UNIT unless `unitId` says otherwise. */
export function actorOf(roles: Role[], unitId: string | null = OWN_UNIT, userId = "user-1"): PolicyActor {
  return { userId, tenantId: "tenant-1", unitId, roles };
}
