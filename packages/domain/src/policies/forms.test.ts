import { describe, expect, it } from "vitest";
import {
  canSeeFormSubmission,
  formAbilities,
  formListAbilities,
  formRoundAbilities,
  formSubmissionAbilities,
} from "./forms.js";
import { actorOf, OTHER_UNIT, OWN_UNIT } from "./test-fixtures/actors.js";

const owned = { ownerUnitId: OWN_UNIT, status: "draft" as const };
const office = { ownerUnitId: null, status: "active" as const };
const open = { status: "open" as const };

describe("who defines and sends forms", () => {
  it("lets the 督查室, administrators and departments define forms, and nobody else", () => {
    const create = (roles: Parameters<typeof actorOf>[0], unit: string | null = OWN_UNIT) =>
      formListAbilities(actorOf(roles, unit)).create;
    expect([create(["supervisor"], null), create(["admin"], null), create(["department"])]).toEqual([
      true,
      true,
      true,
    ]);
    expect([
      create(["department"], null),
      create(["leader"], null),
      create(["school"]),
      create(["inspector"], null),
    ]).toEqual([false, false, false, false]);
  });

  it("lets a department manage only the forms it owns; the 督查室 any form", () => {
    const all = { edit: true, send: true, delete: true, review: true, archive: false, restore: false };
    const none = { edit: false, send: false, delete: false, review: false, archive: false, restore: false };
    expect(formAbilities(actorOf(["department"]), owned, { hasRounds: false })).toEqual(all);
    expect(formAbilities(actorOf(["department"], OTHER_UNIT), owned, { hasRounds: false })).toEqual(none);
    expect(formAbilities(actorOf(["department"]), office, { hasRounds: true })).toEqual(none);
    expect(formAbilities(actorOf(["supervisor"], null), office, { hasRounds: true })).toEqual({
      ...all,
      delete: false,
      archive: true,
    });
    expect(formAbilities(actorOf(["leader"], null), owned, { hasRounds: false })).toEqual(none);
    // A school in the owner's unit id is still no department.
    expect(formAbilities(actorOf(["school"]), owned, { hasRounds: false })).toEqual(none);
  });

  it("takes no new round and no edit on an archived form", () => {
    const archived = { ownerUnitId: OWN_UNIT, status: "archived" as const };
    expect(formAbilities(actorOf(["supervisor"], null), archived, { hasRounds: true })).toEqual({
      edit: false,
      send: false,
      delete: false,
      review: true,
      archive: false,
      restore: true,
    });
  });

  it("lets the managers 催报 and close only an open round, and still review a closed one", () => {
    expect(formRoundAbilities(actorOf(["department"]), owned, open)).toEqual({
      urge: true,
      close: true,
      review: true,
    });
    expect(formRoundAbilities(actorOf(["department"]), owned, { status: "closed" })).toEqual({
      urge: false,
      close: false,
      review: true,
    });
    expect(formRoundAbilities(actorOf(["leader"], null), owned, open)).toEqual({
      urge: false,
      close: false,
      review: false,
    });
  });
});

describe("who fills in and reviews a submission", () => {
  const mine = { unitId: OWN_UNIT, status: "draft" as const };
  const context = { form: { ownerUnitId: OTHER_UNIT }, round: open };

  it("lets the unit's users alone fill in its own submission while the round is open", () => {
    expect(formSubmissionAbilities(actorOf(["school"]), mine, context)).toEqual({
      edit: true,
      submit: true,
      review: false,
    });
    expect(formSubmissionAbilities(actorOf(["school"], OTHER_UNIT), mine, context).edit).toBe(false);
    expect(formSubmissionAbilities(actorOf(["supervisor"], null), mine, context).edit).toBe(false);
    expect(
      formSubmissionAbilities(actorOf(["school"]), mine, { ...context, round: { status: "closed" } }),
    ).toEqual({
      edit: false,
      submit: false,
      review: false,
    });
  });

  it("lets the form's managers review a handed-in submission, and locks an approved one", () => {
    const submitted = { unitId: OWN_UNIT, status: "submitted" as const };
    const owner = actorOf(["department"], OTHER_UNIT);
    expect(formSubmissionAbilities(owner, submitted, context)).toEqual({
      edit: false,
      submit: false,
      review: true,
    });
    expect(formSubmissionAbilities(owner, mine, context).review).toBe(false);
    const approved = { unitId: OWN_UNIT, status: "approved" as const };
    expect(formSubmissionAbilities(actorOf(["school"]), approved, context)).toEqual({
      edit: false,
      submit: false,
      review: false,
    });
  });

  it("shows a submission to the bureau's roles and its own unit only", () => {
    expect(canSeeFormSubmission(actorOf(["leader"], null), mine)).toBe(true);
    expect(canSeeFormSubmission(actorOf(["department"], OTHER_UNIT), mine)).toBe(true);
    expect(canSeeFormSubmission(actorOf(["school"]), mine)).toBe(true);
    expect(canSeeFormSubmission(actorOf(["school"], OTHER_UNIT), mine)).toBe(false);
    expect(canSeeFormSubmission(actorOf(["inspector"], null), mine)).toBe(false);
  });
});
