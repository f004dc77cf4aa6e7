import { describe, expect, it } from "vitest";
import { nextStatus } from "./actor.js";
import { cycleAbilities, cycleAbilitiesSchema, cycleStatuses, cycleTransitions } from "./cycles.js";
import { type ActorName, actors } from "./test-fixtures/actors.js";

describe("cycleTransitions", () => {
  it("closes an open cycle and nothing else", () => {
    expect(nextStatus(cycleTransitions, "open", "close")).toBe("closed");
    expect(nextStatus(cycleTransitions, "closed", "close")).toBeNull();
  });
});

describe("cycleAbilities", () => {
  for (const status of cycleStatuses)
    for (const name of Object.keys(actors) as ActorName[]) {
      const close = status === "open" && name === "supervisor";
      it(`gives ${name} on a ${status} cycle { close: ${close} }`, () => {
        const abilities = cycleAbilities(actors[name], { status });
        expect(abilities).toEqual({ close });
        expect(cycleAbilitiesSchema.parse(abilities)).toEqual(abilities);
      });
    }
});
