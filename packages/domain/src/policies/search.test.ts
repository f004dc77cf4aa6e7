import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { searchScope } from "./search.js";

const actor = (role: Role, unitId: string | null = "u1") => ({
  userId: "x",
  tenantId: "t",
  unitId,
  roles: [role],
});

describe("searchScope", () => {
  it("lets a school find its own reports, notices, items and instructions, the plans, and no unit", () => {
    expect(searchScope(actor("school"))).toEqual({
      reach: {
        task: "all",
        measure: "all",
        milestone: "all",
        report: "own",
        notice: "own",
        rectification: "own",
        instruction: "own",
        unit: "none",
      },
      draftPlans: false,
    });
  });

  it("lets an inspector find every 整改 item but only its own unit's reports", () => {
    const { reach } = searchScope(actor("inspector"));
    expect([reach.rectification, reach.report, reach.unit]).toEqual(["all", "own", "all"]);
  });

  it("gives a school account without a unit none of the unit-bound kinds", () => {
    const { reach } = searchScope(actor("school", null));
    expect([reach.report, reach.notice, reach.rectification, reach.instruction]).toEqual([
      "none",
      "none",
      "none",
      "none",
    ]);
  });

  it("lets the 督查室 find everything, drafts of plans included; a leader everything but drafts", () => {
    const office = searchScope(actor("supervisor"));
    expect(Object.values(office.reach).every((r) => r === "all")).toBe(true);
    expect(office.draftPlans).toBe(true);
    expect(searchScope(actor("leader")).draftPlans).toBe(false);
  });
});
