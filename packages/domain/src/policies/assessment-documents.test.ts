import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { canDraftAnnualSummary, canReadAllAssessmentResults } from "./assessment-documents.js";
import { actorOf } from "./test-fixtures/actors.js";

const everyRole: Role[] = ["admin", "leader", "supervisor", "department", "school", "inspector"];

describe("who reads a run's whole results and drafts the 年度工作总结", () => {
  it("lets the 督查室 and leaders, and nobody else, read every unit's result", () => {
    const allowed = everyRole.filter((role) => canReadAllAssessmentResults(actorOf([role], null)));
    expect(allowed).toEqual(["leader", "supervisor"]);
  });

  it("refuses a school its category's table even though it sees its own row", () => {
    expect(canReadAllAssessmentResults(actorOf(["school"]))).toBe(false);
    expect(canReadAllAssessmentResults(actorOf(["department"]))).toBe(false);
  });

  it("lets the 督查室 and leaders draft the summary, the lead department not", () => {
    const allowed = everyRole.filter((role) => canDraftAnnualSummary(actorOf([role], null)));
    expect(allowed).toEqual(["leader", "supervisor"]);
    expect(canDraftAnnualSummary(actorOf(["department", "leader"]))).toBe(true);
  });
});
