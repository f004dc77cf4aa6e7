import type { DbOrTx } from "../../db/client.js";

/** What happens after submissions of a form were approved (or imported approved), inside that transaction. */
export type SubmissionsApprovedHook = (
  tx: DbOrTx,
  input: { tenantId: string; formId: string; now: Date },
) => Promise<void>;

// One hook for the process: the computed indicators' recomputation, registered once where the app is built.
// Registering the same function again replaces it, so building several apps (tests) is harmless.
let hook: SubmissionsApprovedHook | null = null;

/**
 * Registers what runs after an approval: `onSubmissionsApproved(recomputeFormIndicators)`. The forms module
 * does not import the indicator-formulas module (which reads forms), so the dependency stays one-way.
 */
export function onSubmissionsApproved(fn: SubmissionsApprovedHook): void {
  hook = fn;
}

/** Runs the registered hook (nothing while none is registered); a failure fails the approval's transaction. */
export async function runSubmissionsApproved(
  tx: DbOrTx,
  input: { tenantId: string; formId: string; now: Date },
): Promise<void> {
  if (hook) await hook(tx, input);
}
