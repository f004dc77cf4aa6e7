import type { DbOrTx } from "../../db/client.js";

/** What happens after submissions of a form were approved (or imported approved), inside that transaction. */
export type SubmissionsApprovedHook = (
  tx: DbOrTx,
  input: { tenantId: string; formId: string; now: Date },
) => Promise<void>;

// The hooks of the process: the computed indicators' recomputation, registered where the app is built. A set,
// so registering the same function once per app built (as tests build many) runs it once.
const hooks = new Set<SubmissionsApprovedHook>();

/**
 * Registers what runs after an approval, e.g. `onSubmissionsApproved(recomputeFormIndicators)`, and returns
 * what takes it off again. The forms module does not import the indicator-formulas module (which reads forms),
 * so the dependency stays one-way.
 */
export function onSubmissionsApproved(fn: SubmissionsApprovedHook): () => void {
  hooks.add(fn);
  return () => hooks.delete(fn);
}

/** Runs the registered hooks in order; a failure fails the approval's transaction, so nothing is half-approved. */
export async function runSubmissionsApproved(
  tx: DbOrTx,
  input: { tenantId: string; formId: string; now: Date },
): Promise<void> {
  for (const hook of hooks) await hook(tx, input);
}
