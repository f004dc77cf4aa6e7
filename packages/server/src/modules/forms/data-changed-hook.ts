import type { DbOrTx } from "../../db/client.js";

/**
 * What happens when the data a form's computed indicators stand on changed — submissions approved (or imported
 * approved), or a new round sent (a new audience and period) — inside that transaction.
 */
export type FormDataChangedHook = (
  tx: DbOrTx,
  input: { tenantId: string; formId: string; now: Date },
) => Promise<void>;

// The hooks of the process: the computed indicators' recomputation, registered where the app is built. A set,
// so registering the same function once per app built (as tests build many) runs it once.
const hooks = new Set<FormDataChangedHook>();

/**
 * Registers what runs after such a change, e.g. `onFormDataChanged(recomputeOnFormDataChanged)`, and returns
 * what takes it off again. The forms module does not import the indicator-formulas module (which reads forms),
 * so the dependency stays one-way.
 */
export function onFormDataChanged(fn: FormDataChangedHook): () => void {
  hooks.add(fn);
  return () => hooks.delete(fn);
}

/** Runs the registered hooks in order; a failure fails the change's transaction, so nothing is half-done. */
export async function runFormDataChanged(
  tx: DbOrTx,
  input: { tenantId: string; formId: string; now: Date },
): Promise<void> {
  for (const hook of hooks) await hook(tx, input);
}
