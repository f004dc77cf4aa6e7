import { forbidden } from "../errors.js";

/** Throws 403 unless the abilities a domain policy computed for the actor allow the action. */
export function authorize<A extends Record<string, boolean>>(abilities: A, action: keyof A & string): void {
  if (!abilities[action]) throw forbidden("您无权执行此操作");
}
