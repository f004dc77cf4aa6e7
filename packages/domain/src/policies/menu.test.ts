import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { type MenuAbilities, menuAbilities, menuAbilitiesSchema, menuAreas } from "./menu.js";
import { actorOf } from "./test-fixtures/actors.js";

/** One area's abilities, written short: open, listed, manage. */
const a = (open: boolean, listed: boolean, manage: boolean) => ({ open, listed, manage });
const none = a(false, false, false);

/** Every area closed, to spell out only what a role opens. */
const closed = Object.fromEntries(menuAreas.map((area) => [area, none])) as MenuAbilities["areas"];

/** The exact menu each role gets (with a unit of its own), as the side menu and the pages read it. */
const expected: Record<Role, MenuAbilities> = {
  admin: {
    areas: {
      ...closed,
      bulletins: a(true, false, false),
      plans: a(true, true, true),
      planImports: a(true, false, true),
      notices: a(true, true, true),
      extensions: a(true, false, false),
      rectifications: a(true, true, true),
      inspections: a(true, false, false),
      units: a(true, true, true),
      groups: a(true, true, true),
      users: a(true, true, true),
      audit: a(true, true, true),
      unitKeywords: a(true, true, true),
      channels: a(true, true, true),
      workCalendar: a(true, true, true),
      documentNumbers: a(true, true, true),
    },
    unitWork: false,
    myAssessments: false,
    assessmentEntries: false,
    raiseNotices: false,
    manageCycles: false,
    cockpit: { open: true, home: false },
  },
  leader: {
    areas: {
      ...closed,
      bulletins: a(true, true, false),
      plans: a(true, true, false),
      notices: a(true, true, true),
      extensions: a(true, false, false),
      rectifications: a(true, true, false),
      inspections: a(true, true, false),
      instructions: a(true, true, true),
      cascade: a(true, true, false),
      assessments: a(true, true, false),
      units: a(true, true, false),
      groups: a(true, false, false),
      users: a(true, true, false),
      documentNumbers: a(true, false, false),
    },
    unitWork: false,
    myAssessments: false,
    assessmentEntries: false,
    raiseNotices: true,
    manageCycles: false,
    cockpit: { open: true, home: true },
  },
  supervisor: {
    areas: {
      ...closed,
      bulletins: a(true, true, true),
      plans: a(true, true, true),
      planImports: a(true, false, true),
      notices: a(true, true, true),
      extensions: a(true, true, true),
      rectifications: a(true, true, true),
      inspections: a(true, true, false),
      cascade: a(true, true, true),
      assessments: a(true, true, true),
      units: a(true, true, false),
      groups: a(true, true, true),
      unitKeywords: a(true, true, false),
      workCalendar: a(true, true, false),
      documentNumbers: a(true, true, true),
    },
    unitWork: false,
    myAssessments: false,
    assessmentEntries: false,
    raiseNotices: true,
    manageCycles: true,
    cockpit: { open: true, home: true },
  },
  department: {
    areas: {
      ...closed,
      bulletins: a(true, true, false),
      plans: a(true, true, false),
      notices: a(true, true, true),
      extensions: a(true, true, true),
      rectifications: a(true, true, false),
      units: a(true, true, false),
      groups: a(true, true, false),
    },
    unitWork: false,
    myAssessments: true,
    assessmentEntries: true,
    raiseNotices: false,
    manageCycles: false,
    cockpit: { open: true, home: false },
  },
  school: {
    areas: {
      ...closed,
      bulletins: a(true, true, false),
      plans: a(true, true, false),
      notices: a(true, true, false),
      extensions: a(true, false, false),
      rectifications: a(true, true, false),
    },
    unitWork: true,
    myAssessments: true,
    assessmentEntries: false,
    raiseNotices: false,
    manageCycles: false,
    cockpit: { open: true, home: false },
  },
  inspector: {
    areas: {
      ...closed,
      bulletins: a(true, false, false),
      plans: a(true, true, false),
      notices: a(true, false, false),
      extensions: a(true, false, false),
      rectifications: a(true, true, true),
      inspections: a(true, true, true),
      units: a(true, true, false),
    },
    unitWork: false,
    myAssessments: false,
    assessmentEntries: false,
    raiseNotices: false,
    manageCycles: false,
    cockpit: { open: false, home: false },
  },
};

describe("menuAbilities", () => {
  for (const [role, menu] of Object.entries(expected) as [Role, MenuAbilities][])
    it(`gives a ${role} exactly its menu`, () => {
      expect(menuAbilities(actorOf([role]))).toEqual(menu);
      expect(menuAbilitiesSchema.parse(menu)).toEqual(menu);
    });

  it("offers 本单位工作 only to a school user who has a unit", () => {
    expect(menuAbilities(actorOf(["school"], null)).unitWork).toBe(false);
  });

  it("offers 我的考评 only to a school or department user who has a unit", () => {
    expect(menuAbilities(actorOf(["school"], null)).myAssessments).toBe(false);
    expect(menuAbilities(actorOf(["department"], null)).myAssessments).toBe(false);
  });

  it("offers 考评加减分 to departments only: the 督查室 enters them on its 考评 page, leaders read them there", () => {
    expect(menuAbilities(actorOf(["department"], null)).assessmentEntries).toBe(true);
    expect(menuAbilities(actorOf(["supervisor", "department"], null)).assessmentEntries).toBe(false);
    expect(menuAbilities(actorOf(["leader"], null)).assessmentEntries).toBe(false);
  });

  it("opens nothing for a user without roles", () => {
    expect(menuAbilities(actorOf([]))).toEqual({
      areas: closed,
      unitWork: false,
      myAssessments: false,
      assessmentEntries: false,
      raiseNotices: false,
      manageCycles: false,
      cockpit: { open: false, home: false },
    });
  });

  it("combines roles: a leader who is also an inspector gets both menus", () => {
    const menu = menuAbilities(actorOf(["leader", "inspector"]));
    expect(menu.areas.inspections).toEqual(a(true, true, true));
    expect(menu.areas.instructions).toEqual(a(true, true, true));
    expect(menu.areas.notices).toEqual(a(true, true, true));
  });
});
