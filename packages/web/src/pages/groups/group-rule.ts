import type { GroupRule } from "@duban/domain";

/** The rule as the form holds it: selects may be cleared to undefined or null. */
export type GroupRuleValues = Partial<{ [K in keyof GroupRule]: GroupRule[K] | null }>;

/** A rule the API accepts, from the form's values; a department rule drops the school-only fields. */
export function cleanRule(values: GroupRuleValues | undefined): GroupRule {
  const kind = values?.kind ?? null;
  const schoolOnly = kind === "department";
  return {
    kind,
    schoolTypes: schoolOnly ? [] : (values?.schoolTypes ?? []),
    ownerships: schoolOnly ? [] : (values?.ownerships ?? []),
    townships: values?.townships ?? [],
  };
}
