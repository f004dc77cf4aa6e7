import { describe, expect, it } from "vitest";
import { bulletinAbilities, bulletinListAbilities, canSeeBulletin, nextBulletinStatus } from "./bulletins.js";
import { actorOf, OTHER_UNIT, OWN_UNIT } from "./test-fixtures/actors.js";

const draft = { status: "draft" as const, namedUnitIds: [OWN_UNIT] };
const issued = { status: "issued" as const, namedUnitIds: [OWN_UNIT] };

describe("who may see a 督查通报", () => {
  it("lets the 督查室 and leaders read drafts and issued ones alike", () => {
    for (const role of ["supervisor", "leader"] as const) {
      expect(canSeeBulletin(actorOf([role], null), draft)).toBe(true);
      expect(canSeeBulletin(actorOf([role], null), issued)).toBe(true);
    }
  });

  it("lets a unit read only an issued one that names it", () => {
    expect(canSeeBulletin(actorOf(["school"]), issued)).toBe(true);
    expect(canSeeBulletin(actorOf(["school"]), draft)).toBe(false);
    expect(canSeeBulletin(actorOf(["school"], OTHER_UNIT), issued)).toBe(false);
    expect(canSeeBulletin(actorOf(["department"]), issued)).toBe(true);
  });

  it("shows the admin and an inspector without a named unit nothing", () => {
    expect(canSeeBulletin(actorOf(["admin"], null), issued)).toBe(false);
    expect(canSeeBulletin(actorOf(["inspector"], null), issued)).toBe(false);
  });
});

describe("what may be done with it", () => {
  it("lets only the 督查室 draft, edit, issue and delete, and only while a draft", () => {
    expect(bulletinListAbilities(actorOf(["supervisor"], null))).toEqual({ create: true });
    expect(bulletinListAbilities(actorOf(["leader"], null))).toEqual({ create: false });
    expect(bulletinAbilities(actorOf(["supervisor"], null), draft)).toEqual({
      edit: true,
      issue: true,
      delete: true,
    });
    expect(bulletinAbilities(actorOf(["supervisor"], null), issued)).toEqual({
      edit: false,
      issue: false,
      delete: false,
    });
    expect(bulletinAbilities(actorOf(["leader"], null), draft)).toEqual({
      edit: false,
      issue: false,
      delete: false,
    });
  });

  it("keeps an issued 通报 final", () => {
    expect(nextBulletinStatus("draft", "issue")).toBe("issued");
    expect(nextBulletinStatus("issued", "edit")).toBeNull();
    expect(nextBulletinStatus("issued", "issue")).toBeNull();
    expect(nextBulletinStatus("issued", "delete")).toBeNull();
  });
});
