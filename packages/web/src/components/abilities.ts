/** Abilities the API sends with a record or a list. */
export type Abilities = Record<string, boolean> | undefined;

/** The ability the server sent for `key`, or `fallback` when it sent none. */
export function allowed(abilities: Abilities, key: string, fallback = false): boolean {
  const value = abilities?.[key];
  return typeof value === "boolean" ? value : fallback;
}

/** Whether a record may be disabled (when enabled) or enabled again (when disabled). */
export function canToggleEnabled(abilities: Abilities, enabled: boolean): boolean {
  const key = enabled ? "disable" : "enable";
  return allowed(abilities, key, allowed(abilities, "setEnabled", allowed(abilities, "disable")));
}
