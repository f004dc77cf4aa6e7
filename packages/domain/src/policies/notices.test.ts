import { describe, expect, it } from "vitest";
import { roles } from "../roles.js";
import {
  nextNoticeStatus,
  noticeAbilities,
  noticeAbilitiesSchema,
  noticeActions,
  noticeLedgerAbilities,
  noticeStatuses,
  noticeStatusesAllowing,
  noticeTransitions,
} from "./notices.js";
import { actorOf, OTHER_UNIT, OWN_UNIT } from "./test-fixtures/actors.js";

describe("noticeTransitions", () => {
  it("moves a notice through reply, decision, upgrade and close exactly as the table says", () => {
    const table = Object.fromEntries(
      noticeStatuses.map((s) => [
        s,
        Object.fromEntries(noticeActions.map((a) => [a, nextNoticeStatus(s, a)])),
      ]),
    );
    expect(table).toEqual({
      open: { reply: "replied", accept: null, return: null, upgrade: "open", close: "closed" },
      replied: { reply: null, accept: "accepted", return: "returned", upgrade: "open", close: "closed" },
      returned: { reply: "replied", accept: null, return: null, upgrade: "open", close: "closed" },
      accepted: { reply: null, accept: null, return: null, upgrade: null, close: null },
      closed: { reply: null, accept: null, return: null, upgrade: null, close: null },
    });
    expect(Object.keys(noticeTransitions).sort()).toEqual([...noticeStatuses].sort());
  });

  it("names the live states the scan may close and the states that still owe a reply", () => {
    expect(noticeStatusesAllowing("close")).toEqual(["open", "replied", "returned"]);
    expect(noticeStatusesAllowing("reply")).toEqual(["open", "returned"]);
  });
});

describe("noticeAbilities", () => {
  const notice = (status: (typeof noticeStatuses)[number], unitId = OWN_UNIT) => ({ unitId, status });

  it("lets the notice's own unit reply while it is open or returned, and nothing else", () => {
    const school = actorOf(["school"]);
    expect(noticeAbilities(school, notice("open"))).toEqual({ reply: true, decide: false });
    expect(noticeAbilities(school, notice("returned"))).toEqual({ reply: true, decide: false });
    expect(noticeAbilities(school, notice("replied"))).toEqual({ reply: false, decide: false });
    expect(noticeAbilities(school, notice("accepted"))).toEqual({ reply: false, decide: false });
    expect(noticeAbilities(school, notice("closed"))).toEqual({ reply: false, decide: false });
    expect(noticeAbilities(school, notice("open", OTHER_UNIT))).toEqual({ reply: false, decide: false });
  });

  it("lets only the supervision office decide, and only a replied notice", () => {
    const supervisor = actorOf(["supervisor"], null);
    expect(noticeAbilities(supervisor, notice("replied"))).toEqual({ reply: false, decide: true });
    expect(noticeAbilities(supervisor, notice("open"))).toEqual({ reply: false, decide: false });
    for (const role of roles.filter((r) => r !== "supervisor"))
      expect(noticeAbilities(actorOf([role], null), notice("replied"))).toEqual({
        reply: false,
        decide: false,
      });
  });

  it("answers the shape its schema declares", () => {
    expect(noticeAbilitiesSchema.parse(noticeAbilities(actorOf(["school"]), notice("open")))).toEqual({
      reply: true,
      decide: false,
    });
  });
});

describe("noticeLedgerAbilities", () => {
  it("gives each role exactly its ledger actions", () => {
    const of = (role: (typeof roles)[number]) => noticeLedgerAbilities(actorOf([role]));
    expect(of("admin")).toEqual({ create: false, scan: false, export: true, seeAllUnits: true });
    expect(of("leader")).toEqual({ create: true, scan: false, export: true, seeAllUnits: true });
    expect(of("supervisor")).toEqual({ create: true, scan: true, export: true, seeAllUnits: true });
    expect(of("department")).toEqual({ create: false, scan: false, export: false, seeAllUnits: true });
    expect(of("school")).toEqual({ create: false, scan: false, export: false, seeAllUnits: false });
    expect(of("inspector")).toEqual({ create: false, scan: false, export: false, seeAllUnits: false });
  });
});
