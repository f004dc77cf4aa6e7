/** Abilities the API sends with a list whose page type does not name them yet. */
export type Abilities = Record<string, boolean> | undefined;

/** The ability the server sent for `key`; false while the list is loading or when it sent none. */
export function allowed(abilities: Abilities, key: string, fallback = false): boolean {
  const value = abilities?.[key];
  return typeof value === "boolean" ? value : fallback;
}

/** Whether a record may be disabled (when enabled) or enabled again (when disabled). */
export function canToggleEnabled(
  abilities: { enable: boolean; disable: boolean },
  enabled: boolean,
): boolean {
  return enabled ? abilities.disable : abilities.enable;
}
