import { describe, expect, it } from "vitest";
import { type Role, roles } from "../roles.js";
import { auditAbilities } from "./audit.js";
import { channelAbilities, channelListAbilities } from "./channels.js";
import { enabledActions, enabledStatuses, nextEnabledStatus } from "./enabled.js";
import { groupAbilities, groupListAbilities } from "./groups.js";
import {
  findingActions,
  findingStatuses,
  inspectionAbilities,
  inspectionListAbilities,
  nextFindingStatus,
} from "./inspections.js";
import {
  instructionAbilities,
  instructionActions,
  instructionListAbilities,
  instructionStatuses,
  nextInstructionStatus,
} from "./instructions.js";
import { reminderSettingsAbilities } from "./reminder-settings.js";
import { actorOf, OTHER_UNIT, OWN_UNIT } from "./test-fixtures/actors.js";
import { unitKeywordAbilities } from "./unit-keywords.js";
import { unitAbilities, unitListAbilities } from "./units.js";
import { userAbilities, userListAbilities } from "./users.js";

/** The answer of `f` for an actor holding only `role`, for every role in order. */
function byRole<T>(f: (actor: ReturnType<typeof actorOf>) => T): Record<Role, T> {
  return Object.fromEntries(roles.map((role) => [role, f(actorOf([role]))])) as Record<Role, T>;
}

/** The full transitions table of an entity, as nested objects, for one exact comparison. */
function tableOf<S extends string, A extends string>(
  statuses: readonly S[],
  actions: readonly A[],
  next: (s: S, a: A) => S | null,
) {
  return Object.fromEntries(
    statuses.map((s) => [s, Object.fromEntries(actions.map((a) => [a, next(s, a)]))]),
  );
}

describe("transitions tables", () => {
  it("lets a unit, group or user be edited in either state and switched to the other", () => {
    expect(tableOf(enabledStatuses, enabledActions, nextEnabledStatus)).toEqual({
      enabled: { update: "enabled", disable: "disabled", enable: null },
      disabled: { update: "disabled", disable: null, enable: "enabled" },
    });
  });

  it("turns a finding into a 整改 item once", () => {
    expect(tableOf(findingStatuses, findingActions, nextFindingStatus)).toEqual({
      open: { rectify: "rectified" },
      rectified: { rectify: null },
    });
  });

  it("acknowledges an instruction once", () => {
    expect(tableOf(instructionStatuses, instructionActions, nextInstructionStatus)).toEqual({
      pending: { acknowledge: "acknowledged" },
      acknowledged: { acknowledge: null },
    });
  });
});

describe("per-record abilities", () => {
  it("lets admins edit units and switch them to the other state only", () => {
    expect(unitAbilities(actorOf(["admin"]), { enabled: true })).toEqual({
      update: true,
      disable: true,
      enable: false,
    });
    expect(unitAbilities(actorOf(["admin"]), { enabled: false })).toEqual({
      update: true,
      disable: false,
      enable: true,
    });
    for (const role of roles.filter((r) => r !== "admin"))
      expect(unitAbilities(actorOf([role]), { enabled: true })).toEqual({
        update: false,
        disable: false,
        enable: false,
      });
  });

  it("lets admins and the supervision office manage groups", () => {
    expect(byRole((a) => groupAbilities(a, { enabled: true }).update)).toEqual({
      admin: true,
      leader: false,
      supervisor: true,
      department: false,
      school: false,
      inspector: false,
    });
    expect(groupAbilities(actorOf(["supervisor"]), { enabled: false })).toEqual({
      update: true,
      disable: false,
      enable: true,
    });
  });

  it("never lets an admin disable themself, and offers unlock only for a locked account", () => {
    const admin = actorOf(["admin"], null, "admin-1");
    expect(userAbilities(admin, { id: "admin-1", enabled: true }, { locked: false })).toEqual({
      update: true,
      disable: false,
      enable: false,
      resetPassword: true,
      unlock: false,
    });
    expect(userAbilities(admin, { id: "someone", enabled: true }, { locked: true })).toEqual({
      update: true,
      disable: true,
      enable: false,
      resetPassword: true,
      unlock: true,
    });
    expect(userAbilities(actorOf(["leader"]), { id: "someone", enabled: false }, { locked: true })).toEqual({
      update: false,
      disable: false,
      enable: false,
      resetPassword: false,
      unlock: false,
    });
  });

  it("lets the visit's own inspector or the supervision office rectify its findings", () => {
    const visit = { inspectorId: "inspector-1" };
    expect(inspectionAbilities(actorOf(["inspector"], null, "inspector-1"), visit)).toEqual({
      rectify: true,
    });
    expect(inspectionAbilities(actorOf(["inspector"], null, "inspector-2"), visit)).toEqual({
      rectify: false,
    });
    expect(byRole((a) => inspectionAbilities(a, visit).rectify)).toEqual({
      admin: false,
      leader: false,
      supervisor: true,
      department: false,
      school: false,
      inspector: false,
    });
  });

  it("lets the addressed unit acknowledge a pending instruction only", () => {
    const school = actorOf(["school"]);
    expect(instructionAbilities(school, { unitId: OWN_UNIT, status: "pending" })).toEqual({
      acknowledge: true,
    });
    expect(instructionAbilities(school, { unitId: OWN_UNIT, status: "acknowledged" })).toEqual({
      acknowledge: false,
    });
    expect(instructionAbilities(school, { unitId: OTHER_UNIT, status: "pending" })).toEqual({
      acknowledge: false,
    });
    expect(instructionAbilities(actorOf(["leader"], null), { unitId: OWN_UNIT, status: "pending" })).toEqual({
      acknowledge: false,
    });
  });
});

describe("list and settings abilities, role by role", () => {
  it("answers each role exactly", () => {
    const only = (...yes: Role[]) => Object.fromEntries(roles.map((r) => [r, yes.includes(r)]));
    expect(byRole((a) => unitListAbilities(a).create)).toEqual(only("admin"));
    expect(byRole((a) => unitListAbilities(a))).toEqual(
      Object.fromEntries(roles.map((r) => [r, { create: r === "admin", import: r === "admin" }])),
    );
    expect(byRole((a) => userListAbilities(a))).toEqual(
      Object.fromEntries(roles.map((r) => [r, { create: r === "admin", import: r === "admin" }])),
    );
    expect(byRole((a) => groupListAbilities(a).create)).toEqual(only("admin", "supervisor"));
    expect(byRole((a) => inspectionListAbilities(a).create)).toEqual(only("inspector"));
    expect(byRole((a) => instructionListAbilities(a).create)).toEqual(only("leader"));
    expect(byRole((a) => channelAbilities(a).update)).toEqual(only("admin"));
    expect(byRole((a) => channelListAbilities(a).create)).toEqual(only("admin"));
    expect(byRole((a) => reminderSettingsAbilities(a).update)).toEqual(only("admin", "supervisor"));
    expect(byRole((a) => unitKeywordAbilities(a).update)).toEqual(only("admin"));
    expect(byRole((a) => auditAbilities(a).view)).toEqual(only("admin"));
  });
});
