/** Whether a record may be disabled (when enabled) or enabled again (when disabled). */
export function canToggleEnabled(
  abilities: { enable: boolean; disable: boolean },
  enabled: boolean,
): boolean {
  return enabled ? abilities.disable : abilities.enable;
}
