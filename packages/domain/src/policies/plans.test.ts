import { describe, expect, it } from "vitest";
import { planImportStatuses } from "../plans.js";
import { nextStatus } from "./actor.js";
import {
  canViewPlanStatus,
  isPlanFollowedUp,
  type PlanStatus,
  planAbilities,
  planAbilitiesSchema,
  planActions,
  planImportAbilities,
  planImportAbilitiesSchema,
  planImportActions,
  planImportTransitions,
  planListAbilities,
  planStatuses,
  planTransitions,
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
      expect(abilities).toEqual({
        copy: imports,
        manageCycles: name === "supervisor",
        archive: false,
        unarchive: false,
        ledger: name === "supervisor" || name === "leader" || name === "admin",
      });
      expect(planAbilitiesSchema.parse(abilities)).toEqual(abilities);
    });

  for (const name of names)
    it(`lets ${name} archive a published plan and take back an archived one = ${importers.has(name)}`, () => {
      const may = importers.has(name);
      expect(planAbilities(actors[name], { status: "published" })).toMatchObject({
        archive: may,
        unarchive: false,
      });
      expect(planAbilities(actors[name], { status: "archived" })).toMatchObject({
        archive: false,
        unarchive: may,
      });
      expect(planAbilities(actors[name], { status: "draft" })).toMatchObject({
        archive: false,
        unarchive: false,
      });
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
    expect(names.filter((n) => canViewPlanStatus(actors[n], "archived"))).toEqual(names);
    expect(canViewPlanStatus({ userId: "u", tenantId: "t", unitId: null, roles: [] }, "published")).toBe(
      false,
    );
  });
});

describe("planTransitions and follow-up", () => {
  it("archives a published plan and takes an archived one back, nothing else", () => {
    const table = planStatuses.flatMap((from) =>
      planActions.flatMap((action) => {
        const to = nextStatus(planTransitions, from, action);
        return to ? [`${from} -${action}-> ${to}`] : [];
      }),
    );
    expect(table).toEqual(["published -archive-> archived", "archived -unarchive-> published"]);
  });

  it("follows up a published plan of this year or later, of a past year only when kept live, never an archived one", () => {
    const plan = (status: PlanStatus, year: number, livePastYear = false) => ({ status, year, livePastYear });
    expect(isPlanFollowedUp(plan("published", 2026), 2026)).toBe(true);
    expect(isPlanFollowedUp(plan("published", 2027), 2026)).toBe(true);
    expect(isPlanFollowedUp(plan("published", 2023), 2026)).toBe(false);
    expect(isPlanFollowedUp(plan("published", 2023, true), 2026)).toBe(true);
    expect(isPlanFollowedUp(plan("archived", 2026), 2026)).toBe(false);
    expect(isPlanFollowedUp(plan("archived", 2023, true), 2026)).toBe(false);
  });
});
