import { describe, expect, it } from "vitest";
import {
  assessmentAbilities,
  assessmentEntryAbilities,
  assessmentEntryListAbilities,
  assessmentSchemeAbilities,
  canCreateAssessmentEntry,
  canReadAssessments,
  canSeeAssessment,
  canSeeAssessmentResult,
} from "./assessment.js";
import { actorOf, OTHER_UNIT, OWN_UNIT } from "./test-fixtures/actors.js";

const draft = { status: "draft" as const, final: true, appealUntil: null };
const published = { status: "published" as const, final: true, appealUntil: "2023-06-20" };
const finalised = { status: "finalised" as const, final: true, appealUntil: "2023-06-20" };
const inWindow = { today: "2023-06-20", assessedUnit: true, appealed: false };
const none = { adjust: false, publish: false, finalise: false, delete: false, appeal: false, decide: false };

describe("who takes part in 考评", () => {
  it("gives admins and inspectors no part in it", () => {
    for (const role of ["admin", "inspector"] as const) {
      const actor = actorOf([role], null);
      expect(canReadAssessments(actor)).toBe(false);
      expect(canSeeAssessment(actor, published)).toBe(false);
      expect(assessmentSchemeAbilities(actor, { locked: false })).toEqual({ edit: false, run: false });
      expect(assessmentEntryListAbilities(actor)).toEqual({ create: false, seeAll: false });
    }
  });

  it("lets the 督查室 and leaders see drafts, and a unit only published runs and its own row", () => {
    for (const role of ["supervisor", "leader"] as const)
      expect(canSeeAssessment(actorOf([role], null), draft)).toBe(true);
    const school = actorOf(["school"]);
    expect(canSeeAssessment(school, draft)).toBe(false);
    expect(canSeeAssessmentResult(school, published, { unitId: OWN_UNIT })).toBe(true);
    expect(canSeeAssessmentResult(school, published, { unitId: OTHER_UNIT })).toBe(false);
    expect(canSeeAssessmentResult(school, draft, { unitId: OWN_UNIT })).toBe(false);
  });

  it("lets the 督查室 edit the scheme until it is locked, and run assessments", () => {
    const supervisor = actorOf(["supervisor"], null);
    expect(assessmentSchemeAbilities(supervisor, { locked: false })).toEqual({ edit: true, run: true });
    expect(assessmentSchemeAbilities(supervisor, { locked: true })).toEqual({ edit: false, run: true });
    expect(assessmentSchemeAbilities(actorOf(["leader"], null), { locked: false })).toEqual({
      edit: false,
      run: false,
    });
  });
});

describe("manual entries", () => {
  it("lets departments enter 加分 / 扣分 but leaves 一票否决 to the 督查室", () => {
    expect(canCreateAssessmentEntry(actorOf(["department"]), "manual")).toBe(true);
    expect(canCreateAssessmentEntry(actorOf(["department"]), "veto")).toBe(false);
    expect(canCreateAssessmentEntry(actorOf(["supervisor"], null), "veto")).toBe(true);
    expect(canCreateAssessmentEntry(actorOf(["school"]), "manual")).toBe(false);
  });

  it("lets an entry be revoked by the 督查室 or its author, once", () => {
    const lead = actorOf(["department"]);
    expect(assessmentEntryAbilities(lead, { createdBy: lead.userId, revoked: false })).toEqual({
      revoke: true,
    });
    expect(assessmentEntryAbilities(lead, { createdBy: "someone", revoked: false })).toEqual({
      revoke: false,
    });
    expect(
      assessmentEntryAbilities(actorOf(["supervisor"], null), { createdBy: "x", revoked: true }),
    ).toEqual({
      revoke: false,
    });
  });
});

describe("what may be done with a run", () => {
  it("lets the 督查室 adjust and publish a formal draft, and delete only a trial", () => {
    const supervisor = actorOf(["supervisor"], null);
    expect(assessmentAbilities(supervisor, draft, inWindow)).toEqual({
      ...none,
      adjust: true,
      publish: true,
    });
    expect(assessmentAbilities(supervisor, { ...draft, final: false }, inWindow)).toEqual({
      ...none,
      adjust: true,
      delete: true,
    });
    expect(assessmentAbilities(supervisor, published, inWindow)).toEqual({
      ...none,
      finalise: true,
      decide: true,
    });
  });

  it("lets an assessed unit appeal once, within the window", () => {
    const school = actorOf(["school"]);
    expect(assessmentAbilities(school, published, inWindow)).toEqual({ ...none, appeal: true });
    expect(assessmentAbilities(school, published, { ...inWindow, today: "2023-06-21" }).appeal).toBe(false);
    expect(assessmentAbilities(school, published, { ...inWindow, appealed: true }).appeal).toBe(false);
    expect(assessmentAbilities(school, published, { ...inWindow, assessedUnit: false }).appeal).toBe(false);
  });

  it("allows nothing on a finalised run", () => {
    expect(assessmentAbilities(actorOf(["supervisor"], null), finalised, inWindow)).toEqual(none);
    expect(assessmentAbilities(actorOf(["school"]), finalised, inWindow)).toEqual(none);
  });
});
