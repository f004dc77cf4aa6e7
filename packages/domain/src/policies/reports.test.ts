import { describe, expect, it } from "vitest";
import { nextStatus } from "./actor.js";
import {
  type ReportAbilities,
  type ReportStatus,
  reportAbilities,
  reportAbilitiesSchema,
  reportActions,
  reportPermissions,
  reportStatuses,
  reportTransitions,
} from "./reports.js";
import { type ActorName, actors, leadUnitId, schoolUnitId } from "./test-fixtures/actors.js";

const none: ReportAbilities = { edit: false, submit: false, review: false };
const write: ReportAbilities = { edit: true, submit: true, review: false };
const review: ReportAbilities = { edit: false, submit: false, review: true };
const context = { cycle: { status: "open" as const }, node: { leadUnitId } };

/** Expected abilities per status in an open cycle; actors not named may do nothing. */
const expected: Record<ReportStatus, Partial<Record<ActorName, ReportAbilities>>> = {
  draft: { school: write },
  returned: { school: write },
  submitted: { leadDepartment: review },
  approved: {},
};

describe("reportTransitions", () => {
  it("allows exactly these moves", () => {
    const table = reportStatuses.flatMap((from) =>
      reportActions.flatMap((action) => {
        const to = nextStatus(reportTransitions, from, action);
        return to ? [`${from} -${action}-> ${to}`] : [];
      }),
    );
    expect(table).toEqual([
      "draft -save-> draft",
      "draft -submit-> submitted",
      "submitted -approve-> approved",
      "submitted -return-> returned",
      "returned -save-> returned",
      "returned -submit-> submitted",
    ]);
  });
});

describe("reportAbilities", () => {
  for (const status of reportStatuses)
    for (const name of Object.keys(actors) as ActorName[])
      it(`gives ${name} on a ${status} report ${JSON.stringify(expected[status][name] ?? none)}`, () => {
        const abilities = reportAbilities(actors[name], { unitId: schoolUnitId, status }, context);
        expect(abilities).toEqual(expected[status][name] ?? none);
        expect(reportAbilitiesSchema.parse(abilities)).toEqual(abilities);
      });

  it("lets no bureau role, however senior, write a school's report", () => {
    // The own-unit rule: the report belongs to the school's unit, and only that unit's people file it.
    for (const name of ["admin", "leader", "supervisor", "leadDepartment", "otherDepartment"] as const) {
      expect(reportPermissions(actors[name], { unitId: schoolUnitId }, context)).toEqual({
        edit: false,
        submit: false,
        review: name === "leadDepartment",
      });
      expect(reportAbilities(actors[name], { unitId: schoolUnitId, status: "draft" }, context)).toEqual(none);
    }
    expect(
      reportAbilities(actors.otherSchool, { unitId: schoolUnitId, status: "returned" }, context),
    ).toEqual(none);
  });

  it("stops writing once the cycle is closed, but still lets the lead department review", () => {
    const closed = { ...context, cycle: { status: "closed" as const } };
    expect(reportAbilities(actors.school, { unitId: schoolUnitId, status: "draft" }, closed)).toEqual(none);
    expect(reportAbilities(actors.school, { unitId: schoolUnitId, status: "returned" }, closed)).toEqual(
      none,
    );
    expect(
      reportAbilities(actors.leadDepartment, { unitId: schoolUnitId, status: "submitted" }, closed),
    ).toEqual(review);
  });

  it("gives a task without a lead unit no reviewer", () => {
    const orphan = { ...context, node: { leadUnitId: null } };
    const noUnit = { ...actors.leadDepartment, unitId: null };
    expect(reportAbilities(noUnit, { unitId: schoolUnitId, status: "submitted" }, orphan)).toEqual(none);
  });
});
