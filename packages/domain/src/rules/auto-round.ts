import type { FormAutoRoundDeadline } from "../forms.js";
import { addDays } from "./calendar.js";

/**
 * The deadline of the round a cycle opened on `today` gets: the cycle's due date, or `days` after `today`. A
 * deadline that would already be past (a cycle entered late with a due date behind it) becomes today, so the
 * units are never handed a round that is overdue the moment it is sent.
 */
export function autoRoundDeadline(
  rule: FormAutoRoundDeadline,
  cycle: { dueDate: string },
  today: string,
): string {
  const deadline = rule.kind === "cycle_due" ? cycle.dueDate : addDays(today, rule.days);
  return deadline < today ? today : deadline;
}
