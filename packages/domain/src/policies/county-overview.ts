import type { PolicyActor } from "./actor.js";
import { canReadCascade } from "./cascade.js";

/**
 * The 县区总览 and the 上级通报 are a superior bureau's: its 督查室 and leaders read them, and only a bureau with
 * subordinates has any; anyone else is refused before any plan is looked up.
 */
export function canReadCountyOverview(actor: PolicyActor, bureau: { subordinates: number }): boolean {
  return canReadCascade(actor) && bureau.subordinates > 0;
}
