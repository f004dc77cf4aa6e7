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
/** The unit leading the task in policy tests（牵头科室）. */
export const leadUnitId = "unit-lead-dept";
/** The school the record belongs to. */
export const schoolUnitId = "unit-school";

const actor = (userId: string, roles: Role[], unitId: string | null): PolicyActor => ({
  userId,
  tenantId: "tenant",
  roles,
  unitId,
});

/** One actor per role and position, named by what they are to the record under test. */
export const actors = {
  admin: actor("u-admin", ["admin"], null),
  leader: actor("u-leader", ["leader"], null),
  supervisor: actor("u-supervisor", ["supervisor"], "unit-office"),
  leadDepartment: actor("u-lead", ["department"], leadUnitId),
  otherDepartment: actor("u-other-dept", ["department"], "unit-other-dept"),
  school: actor("u-school", ["school"], schoolUnitId),
  otherSchool: actor("u-other-school", ["school"], "unit-other-school"),
  inspector: actor("u-inspector", ["inspector"], null),
} satisfies Record<string, PolicyActor>;

/** An actor's name in the tables of expected abilities. */
export type ActorName = keyof typeof actors;
