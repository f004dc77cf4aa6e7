/** The before/after of the fields a write actually changes, for the audit log. */
export function changeSummary<T extends Record<string, unknown>>(before: T, values: Partial<T>) {
  const changed = Object.keys(values).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(values[k]));
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, values[k]])),
  };
}
