import type { SearchKind } from "../schemas/search.js";
import type { PolicyActor } from "./actor.js";
import { canSeeAssignment } from "./assignments.js";
import { seesAllInstructions } from "./instructions.js";
import { seesAllNotices } from "./notices.js";
import { canViewPlanStatus, canViewPlans } from "./plans.js";
import { seesAllRectifications } from "./rectifications.js";
import { canViewUnits } from "./units.js";

/** How much of one kind a searcher sees: every record of the bureau, its own unit's, or none. */
export type SearchReach = "all" | "own" | "none";

/** What the header search may show the actor, kind by kind, taken from each module's own read rule. */
export interface SearchScope {
  reach: Record<SearchKind, SearchReach>;
  /** Whether items of plans in draft（copied, not yet published）are found too. */
  draftPlans: boolean;
}

/** The actor's search scope: the same rules the lists and detail pages apply, never a second copy. */
export function searchScope(actor: PolicyActor): SearchScope {
  // A unit-scoped reach is only as good as the unit: someone without one sees none of those records.
  const own = (seesAll: boolean): SearchReach => (seesAll ? "all" : actor.unitId ? "own" : "none");
  const plan: SearchReach = canViewPlans(actor) ? "all" : "none";
  return {
    reach: {
      task: plan,
      measure: plan,
      milestone: plan,
      // Asked about a unit no one belongs to, the assignment rule says whether the actor sees every unit's.
      report: own(canSeeAssignment(actor, { unitId: "" })),
      notice: own(seesAllNotices(actor)),
      rectification: own(seesAllRectifications(actor)),
      instruction: own(seesAllInstructions(actor)),
      unit: canViewUnits(actor) ? "all" : "none",
    },
    draftPlans: canViewPlanStatus(actor, "draft"),
  };
}
