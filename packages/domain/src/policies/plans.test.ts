import { describe, expect, it } from "vitest";
import { planImportStatuses } from "../plans.js";
import { nextStatus } from "./actor.js";
import {
  canViewPlanStatus,
  planAbilities,
  planAbilitiesSchema,
  planImportAbilities,
  planImportAbilitiesSchema,
  planImportActions,
  planImportTransitions,
  planListAbilities,
} from "./plans.js";
import { type ActorName, actors } from "./test-fixtures/actors.js";

const names = Object.keys(actors) as ActorName[];
const importers = new Set<ActorName>(["admin", "supervisor"]);

describe("planImportTransitions", () => {
  it("edits a draft under review until it is published or discarded", () => {
    const table = planImportStatuses.flatMap((from) =>
      planImportActions.flatMap((action) => {
        const to = nextStatus(planImportTransitions, from, action);
        return to ? [`${from} -${action}-> ${to}`] : [];
      }),
    );
    expect(table).toEqual([
      "reviewing -update-> reviewing",
      "reviewing -publish-> published",
      "reviewing -discard-> discarded",
    ]);
  });
});

describe("plan abilities", () => {
  for (const name of names)
    it(`gives ${name} the plan list and plan abilities of its role`, () => {
      const imports = importers.has(name);
      expect(planListAbilities(actors[name])).toEqual({ import: imports });
      const abilities = planAbilities(actors[name]);
      expect(abilities).toEqual({ copy: imports, manageCycles: name === "supervisor" });
      expect(planAbilitiesSchema.parse(abilities)).toEqual(abilities);
    });

  for (const status of planImportStatuses)
    for (const name of names) {
      const may = importers.has(name) && status === "reviewing";
      it(`gives ${name} on a ${status} import update/publish/discard = ${may}`, () => {
        const abilities = planImportAbilities(actors[name], { status });
        expect(abilities).toEqual({ update: may, publish: may, discard: may });
        expect(planImportAbilitiesSchema.parse(abilities)).toEqual(abilities);
      });
    }

  it("shows drafts only to those who import plans, published plans to every role", () => {
    expect(names.filter((n) => canViewPlanStatus(actors[n], "reviewing"))).toEqual(["admin", "supervisor"]);
    expect(names.filter((n) => canViewPlanStatus(actors[n], "published"))).toEqual(names);
    expect(canViewPlanStatus({ userId: "u", tenantId: "t", unitId: null, roles: [] }, "published")).toBe(
      false,
    );
  });
});
