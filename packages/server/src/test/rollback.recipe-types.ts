import type { Role } from "@duban/domain";
import type { RecordIds } from "./access.js";
import type { RecipeContext } from "./rollback.prepare.js";

/** What a preparation hands to the request: records in place of the fixture's, a body, a version. */
export interface Prepared {
  ids?: Partial<RecordIds>;
  body?: unknown;
  /** The version to send where the matrix sends a stale one, when it is not the path record's own. */
  version?: number;
}

/**
 * How to turn a route's refusal-matrix entry into a request that succeeds, where the entry alone does not (the
 * matrix meets records in states that refuse, and runs its cells in an order where one changes what the next
 * sees). Everything not given comes from the entry: the path, the body (a stale version replaced by the
 * record's current one), the first role let through. A preparation makes its own records, so a route's success
 * does not hang on which routes ran before it.
 */
export interface SuccessRecipe {
  /** Who sends it, when the matrix lets nobody through on its fixture. */
  role?: Role;
  /** Sent without a session (signing in). */
  anonymous?: boolean;
  prepare?: (ctx: RecipeContext) => Promise<Prepared>;
  /** The uploaded file, in place of the entry's. */
  upload?: () => Promise<{ name: string; type?: string; content: Buffer }>;
}
