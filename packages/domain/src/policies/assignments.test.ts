import { describe, expect, it } from "vitest";
import { nextStatus } from "./actor.js";
import {
  type AssignmentAbilities,
  assignmentAbilities,
  assignmentAbilitiesSchema,
  assignmentActions,
  assignmentDueDay,
  assignmentStatuses,
  assignmentTransitions,
  canSeeAssignment,
} from "./assignments.js";
import { type ActorName, actors, leadUnitId, schoolUnitId } from "./test-fixtures/actors.js";

const none: AssignmentAbilities = {
  acknowledge: false,
  report: false,
  requestExtension: false,
  remove: false,
};
const context = { node: { leadUnitId }, dueDay: "2023-09-30", today: "2023-06-15" };
const fresh = { unitId: schoolUnitId, status: "active" as const, acknowledged: false };

describe("assignmentTransitions", () => {
  it("allows every action on an active assignment and none on a removed one", () => {
    const table = assignmentStatuses.flatMap((from) =>
      assignmentActions.flatMap((action) => {
        const to = nextStatus(assignmentTransitions, from, action);
        return to ? [`${from} -${action}-> ${to}`] : [];
      }),
    );
    expect(table).toEqual([
      "active -acknowledge-> active",
      "active -report-> active",
      "active -requestExtension-> active",
      "active -extend-> active",
      "active -remove-> removed",
    ]);
  });
});

describe("assignmentAbilities", () => {
  const expected: Partial<Record<ActorName, AssignmentAbilities>> = {
    school: { acknowledge: true, report: true, requestExtension: true, remove: false },
    supervisor: { ...none, remove: true },
    leadDepartment: { ...none, remove: true },
  };
  for (const name of Object.keys(actors) as ActorName[])
    it(`gives ${name} on a new active assignment ${JSON.stringify(expected[name] ?? none)}`, () => {
      const abilities = assignmentAbilities(actors[name], fresh, context);
      expect(abilities).toEqual(expected[name] ?? none);
      expect(assignmentAbilitiesSchema.parse(abilities)).toEqual(abilities);
    });

  it("acknowledges once", () => {
    expect(assignmentAbilities(actors.school, { ...fresh, acknowledged: true }, context)).toEqual({
      acknowledge: false,
      report: true,
      requestExtension: true,
      remove: false,
    });
  });

  it("lets nothing be done with a removed assignment", () => {
    for (const name of Object.keys(actors) as ActorName[])
      expect(assignmentAbilities(actors[name], { ...fresh, status: "removed" }, context)).toEqual(none);
  });

  it("takes extension requests until the day before the due day", () => {
    const on = (today: string) => assignmentAbilities(actors.school, fresh, { ...context, today });
    expect(on("2023-09-29").requestExtension).toBe(true);
    expect(on("2023-09-30")).toEqual({
      acknowledge: true,
      report: true,
      requestExtension: false,
      remove: false,
    });
  });
});

describe("assignmentDueDay", () => {
  it("takes the assignment's date, else the task's, else the plan year's end, to the month's last day", () => {
    expect(assignmentDueDay("2023-09", "2023-06-30", 2023)).toBe("2023-09-30");
    expect(assignmentDueDay(null, "2023-06", 2023)).toBe("2023-06-30");
    expect(assignmentDueDay("不详", null, 2023)).toBe("2023-12-31");
  });
});

describe("canSeeAssignment", () => {
  it("shows a school's assignment to the bureau and the school, not to other schools or inspectors", () => {
    const seen = (Object.keys(actors) as ActorName[]).filter((name) =>
      canSeeAssignment(actors[name], { unitId: schoolUnitId }),
    );
    expect(seen).toEqual(["admin", "leader", "supervisor", "leadDepartment", "otherDepartment", "school"]);
  });
});
