import type { GroupRule } from "@duban/domain";

/** The unit attributes a rule looks at. */
export interface RuleUnit {
  id: string;
  kind: string;
  schoolType: string | null;
  ownership: string | null;
  township: string | null;
  enabled: boolean;
}

/** A rule with every list present and no stray fields, as it is stored. */
export function normaliseRule(rule: GroupRule): Required<GroupRule> {
  return {
    kind: rule.kind ?? null,
    schoolTypes: [...new Set(rule.schoolTypes ?? [])],
    ownerships: [...new Set(rule.ownerships ?? [])],
    townships: [...new Set(rule.townships ?? [])],
  };
}

/** Whether a list allows a value: an empty (or absent) list means "any". */
function allows(list: readonly string[] | undefined, value: string | null): boolean {
  return !list?.length || (value !== null && list.includes(value));
}

/** Whether a unit matches a rule (disabled units never do). */
export function matchesRule(unit: RuleUnit, rule: GroupRule): boolean {
  return (
    unit.enabled &&
    (!rule.kind || unit.kind === rule.kind) &&
    allows(rule.schoolTypes, unit.schoolType) &&
    allows(rule.ownerships, unit.ownership) &&
    allows(rule.townships, unit.township)
  );
}

/** The enabled units a group stands for now: its listed members, or the units its rule matches. */
export function resolveGroup<U extends RuleUnit>(
  group: { kind: string; rule: unknown },
  memberIds: string[],
  units: U[],
): U[] {
  if (group.kind === "rule") {
    const rule = (group.rule ?? {}) as GroupRule;
    return units.filter((u) => matchesRule(u, rule));
  }
  const members = new Set(memberIds);
  return units.filter((u) => u.enabled && members.has(u.id));
}
