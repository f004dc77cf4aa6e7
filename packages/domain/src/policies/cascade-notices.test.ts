import { describe, expect, it } from "vitest";
import { roles } from "../roles.js";
import {
  cascadeNoticeAbilities,
  cascadeNoticeActions,
  cascadeNoticeListAbilities,
  cascadeNoticeStatuses,
  liveCascadeNoticeStatuses,
  nextCascadeNoticeStatus,
} from "./cascade-notices.js";
import { actorOf } from "./test-fixtures/actors.js";

describe("cross-bureau 督办单 policy", () => {
  it("moves a notice through reply and decision exactly as the table says", () => {
    const table = Object.fromEntries(
      cascadeNoticeStatuses.map((s) => [
        s,
        Object.fromEntries(cascadeNoticeActions.map((a) => [a, nextCascadeNoticeStatus(s, a)])),
      ]),
    );
    expect(table).toEqual({
      open: { reply: "replied", accept: null, return: null },
      replied: { reply: null, accept: "accepted", return: "returned" },
      accepted: { reply: null, accept: null, return: null },
      returned: { reply: "replied", accept: null, return: null },
    });
    // The live states are those from which the notice still moves.
    const moving = cascadeNoticeStatuses.filter((s) =>
      cascadeNoticeActions.some((a) => nextCascadeNoticeStatus(s, a) !== null),
    );
    expect(moving).toEqual([...liveCascadeNoticeStatuses]);
  });

  it("lets the addressed bureau's 督查室 reply and the issuing bureau's decide, nobody else", () => {
    const offers = Object.fromEntries(
      roles.map((r) => [
        r,
        [
          cascadeNoticeListAbilities(actorOf([r])).issue,
          cascadeNoticeAbilities(actorOf([r]), "received", { status: "open" }).reply,
          cascadeNoticeAbilities(actorOf([r]), "issued", { status: "open" }).decide,
          cascadeNoticeAbilities(actorOf([r]), "issued", { status: "replied" }).decide,
          cascadeNoticeAbilities(actorOf([r]), "received", { status: "replied" }).reply,
        ],
      ]),
    );
    expect(offers).toEqual({
      admin: [false, false, false, false, false],
      leader: [false, false, false, false, false],
      supervisor: [true, true, false, true, false],
      department: [false, false, false, false, false],
      school: [false, false, false, false, false],
      inspector: [false, false, false, false, false],
    });
  });
});
