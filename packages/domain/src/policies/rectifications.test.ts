import { describe, expect, it } from "vitest";
import {
  isRectificationLive,
  nextRectificationStatus,
  rectificationAbilities,
  rectificationActions,
  rectificationLedgerAbilities,
  rectificationStatuses,
} from "./rectifications.js";
import { actorOf, OTHER_UNIT, OWN_UNIT } from "./test-fixtures/actors.js";

describe("rectificationTransitions", () => {
  it("moves an item through submit, accept and return exactly as the table says", () => {
    const table = Object.fromEntries(
      rectificationStatuses.map((s) => [
        s,
        Object.fromEntries(rectificationActions.map((a) => [a, nextRectificationStatus(s, a)])),
      ]),
    );
    expect(table).toEqual({
      open: { submit: "submitted", accept: null, return: null },
      submitted: { submit: null, accept: "accepted", return: "returned" },
      returned: { submit: "submitted", accept: null, return: null },
      accepted: { submit: null, accept: null, return: null },
    });
  });

  it("counts every state but 销号 as live, so only those can be overdue", () => {
    expect(rectificationStatuses.filter(isRectificationLive)).toEqual(["open", "submitted", "returned"]);
  });
});

describe("rectificationAbilities", () => {
  const item = (status: (typeof rectificationStatuses)[number], extra: object = {}) => ({
    unitId: OWN_UNIT,
    createdBy: "inspector-1",
    status,
    ...extra,
  });

  it("lets the item's unit submit while it is open or returned", () => {
    const school = actorOf(["school"]);
    expect(rectificationAbilities(school, item("open"))).toEqual({ submit: true, verify: false });
    expect(rectificationAbilities(school, item("returned"))).toEqual({ submit: true, verify: false });
    expect(rectificationAbilities(school, item("submitted"))).toEqual({ submit: false, verify: false });
    expect(rectificationAbilities(school, item("accepted"))).toEqual({ submit: false, verify: false });
    expect(rectificationAbilities(school, item("open", { unitId: OTHER_UNIT }))).toEqual({
      submit: false,
      verify: false,
    });
  });

  it("lets the office, admins and the raising inspector verify a submitted item only", () => {
    const submitted = item("submitted");
    expect(rectificationAbilities(actorOf(["supervisor"], null), submitted)).toEqual({
      submit: false,
      verify: true,
    });
    expect(rectificationAbilities(actorOf(["admin"], null), submitted)).toEqual({
      submit: false,
      verify: true,
    });
    const raiser = actorOf(["inspector"], null, "inspector-1");
    expect(rectificationAbilities(raiser, submitted)).toEqual({ submit: false, verify: true });
    expect(rectificationAbilities(raiser, item("open"))).toEqual({ submit: false, verify: false });
    const other = actorOf(["inspector"], null, "inspector-2");
    expect(rectificationAbilities(other, submitted)).toEqual({ submit: false, verify: false });
    expect(rectificationAbilities(actorOf(["leader"], null), submitted)).toEqual({
      submit: false,
      verify: false,
    });
  });
});

describe("rectificationLedgerAbilities", () => {
  it("gives each role exactly its ledger actions", () => {
    const of = (role: Parameters<typeof actorOf>[0][number]) => rectificationLedgerAbilities(actorOf([role]));
    expect(of("admin")).toEqual({ create: true, export: true, seeAllUnits: true });
    expect(of("leader")).toEqual({ create: false, export: true, seeAllUnits: true });
    expect(of("supervisor")).toEqual({ create: true, export: true, seeAllUnits: true });
    expect(of("department")).toEqual({ create: false, export: true, seeAllUnits: true });
    expect(of("school")).toEqual({ create: false, export: true, seeAllUnits: false });
    expect(of("inspector")).toEqual({ create: true, export: true, seeAllUnits: true });
  });
});
