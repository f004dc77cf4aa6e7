import type { DbOrTx } from "../../db/client.js";
import type { ServiceContext } from "../../http/context.js";
import type { CycleRow } from "./cycles.repository.js";

/**
 * What happens when a reporting cycle of a plan is opened, inside the transaction that opens it, e.g. the
 * rounds of the forms filled every cycle being sent.
 */
export type CycleOpenedHook = (ctx: ServiceContext, tx: DbOrTx, cycle: CycleRow) => Promise<void>;

// A set, so registering the same function once per app built (as tests build many) runs it once.
const hooks = new Set<CycleOpenedHook>();

/**
 * Registers what runs when a cycle opens and returns what takes it off again. The forms module reads cycles,
 * so the cycles module does not import it: the dependency stays one-way.
 */
export function onCycleOpened(fn: CycleOpenedHook): () => void {
  hooks.add(fn);
  return () => hooks.delete(fn);
}

/** Runs the registered hooks in order; a failure fails the opening, so a cycle never opens half-done. */
export async function runCycleOpened(ctx: ServiceContext, tx: DbOrTx, cycle: CycleRow): Promise<void> {
  for (const hook of hooks) await hook(ctx, tx, cycle);
}
