import { describe, expect, it } from "vitest";
import { type Role, roles } from "../roles.js";
import { canReadComputedIndicator, indicatorFormulaAbilities } from "./indicator-formulas.js";
import { actorOf, OTHER_UNIT, OWN_UNIT } from "./test-fixtures/actors.js";

describe("indicatorFormulaAbilities", () => {
  it("lets the 督查室 and the task's lead department define a formula, and no one else", () => {
    const task = { leadUnitId: OWN_UNIT };
    const byRole = Object.fromEntries(
      roles.map((role) => [role, indicatorFormulaAbilities(actorOf([role]), task).define]),
    ) as Record<Role, boolean>;
    expect(byRole).toEqual({
      admin: false,
      leader: false,
      supervisor: true,
      department: true,
      school: false,
      inspector: false,
    });
    expect(indicatorFormulaAbilities(actorOf(["department"], OTHER_UNIT), task).define).toBe(false);
    // A school that happens to sit in the lead unit's id is still no department.
    expect(indicatorFormulaAbilities(actorOf(["school"], OWN_UNIT), task).define).toBe(false);
  });

  it("lets every role read a computed indicator, and an account without roles none", () => {
    expect(roles.map((role) => canReadComputedIndicator(actorOf([role])))).toEqual(roles.map(() => true));
    expect(canReadComputedIndicator(actorOf([]))).toBe(false);
  });
});
