import { nextStatus, type Transitions } from "@duban/domain";
import { AppError, forbidden } from "../errors.js";

/**
 * Throws 403 with the message unless the abilities a domain policy computed allow the action: the one place
 * the server turns "may not" into a refusal, from the same object the API sends with the record.
 */
export function authorize<A extends { [K in keyof A]: boolean }>(
  abilities: A,
  action: keyof A,
  message = "您无权执行此操作",
): void {
  if (abilities[action] !== true) throw forbidden(message);
}

/**
 * The status an action leads to from `from` by the entity's transitions table, or 409 with the message (or
 * the message for that status) when the table does not allow the action there.
 */
export function transition<S extends string, A extends string>(
  table: Transitions<S, A>,
  from: S,
  action: A,
  message: string | ((from: S) => string),
): S {
  const to = nextStatus(table, from, action);
  if (to === null) throw new AppError("conflict", typeof message === "string" ? message : message(from));
  return to;
}
