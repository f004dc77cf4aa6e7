/** Whether a unit, group or user is in use: disabled records stay in history but leave selects and sign-in. */
export const enabledStatuses = ["enabled", "disabled"] as const;
/** An enabled state. */
export type EnabledStatus = (typeof enabledStatuses)[number];

/** What changes a record that can be switched off: edit it, disable it, enable it again. */
export const enabledActions = ["update", "disable", "enable"] as const;
/** An action on such a record. */
export type EnabledAction = (typeof enabledActions)[number];

/** Either state may be edited; each may be switched to the other. */
export const enabledTransitions = {
  enabled: { update: "enabled", disable: "disabled" },
  disabled: { update: "disabled", enable: "enabled" },
} as const satisfies Record<EnabledStatus, Partial<Record<EnabledAction, EnabledStatus>>>;

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextEnabledStatus(status: EnabledStatus, action: EnabledAction): EnabledStatus | null {
  const moves: Partial<Record<EnabledAction, EnabledStatus>> = enabledTransitions[status];
  return moves[action] ?? null;
}

/** The state of a record from its `enabled` column. */
export function enabledStatusOf(record: { enabled: boolean }): EnabledStatus {
  return record.enabled ? "enabled" : "disabled";
}

/** Which of update / disable / enable a manager may do with the record in its current state. */
export function enabledRecordAbilities(
  manage: boolean,
  record: { enabled: boolean },
): Record<EnabledAction, boolean> {
  const status = enabledStatusOf(record);
  return {
    update: manage && nextEnabledStatus(status, "update") !== null,
    disable: manage && nextEnabledStatus(status, "disable") !== null,
    enable: manage && nextEnabledStatus(status, "enable") !== null,
  };
}
