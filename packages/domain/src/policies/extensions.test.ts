import { describe, expect, it } from "vitest";
import { nextStatus } from "./actor.js";
import {
  canSeeExtension,
  extensionAbilities,
  extensionAbilitiesSchema,
  extensionActions,
  extensionStatuses,
  extensionTransitions,
  seesAllExtensions,
} from "./extensions.js";
import { type ActorName, actors, leadUnitId, schoolUnitId } from "./test-fixtures/actors.js";

const context = { node: { leadUnitId } };
const names = Object.keys(actors) as ActorName[];

describe("extensionTransitions", () => {
  it("goes to the lead department, then the office; either may refuse", () => {
    const table = extensionStatuses.flatMap((from) =>
      extensionActions.flatMap((action) => {
        const to = nextStatus(extensionTransitions, from, action);
        return to ? [`${from} -${action}-> ${to}`] : [];
      }),
    );
    expect(table).toEqual([
      "pending_lead -approve-> pending_supervisor",
      "pending_lead -refuse-> refused",
      "pending_supervisor -approve-> approved",
      "pending_supervisor -refuse-> refused",
    ]);
  });
});

describe("extensionAbilities", () => {
  const decider: Record<(typeof extensionStatuses)[number], ActorName | null> = {
    pending_lead: "leadDepartment",
    pending_supervisor: "supervisor",
    approved: null,
    refused: null,
  };
  for (const status of extensionStatuses)
    for (const name of names) {
      const decide = decider[status] === name;
      it(`gives ${name} on a ${status} request { decide: ${decide} }`, () => {
        const abilities = extensionAbilities(actors[name], { status }, context);
        expect(abilities).toEqual({ decide });
        expect(extensionAbilitiesSchema.parse(abilities)).toEqual(abilities);
      });
    }
});

describe("who sees requests", () => {
  it("shows every request to the bureau, a school's own to the school", () => {
    expect(names.filter((n) => seesAllExtensions(actors[n]))).toEqual([
      "admin",
      "leader",
      "supervisor",
      "leadDepartment",
      "otherDepartment",
    ]);
    expect(names.filter((n) => canSeeExtension(actors[n], { unitId: schoolUnitId }))).toEqual([
      "admin",
      "leader",
      "supervisor",
      "leadDepartment",
      "otherDepartment",
      "school",
    ]);
  });
});
