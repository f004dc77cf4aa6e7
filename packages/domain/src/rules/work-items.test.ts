import { describe, expect, it } from "vitest";
import { compareWorkItems, dueLight, type WorkItemOrder } from "./work-items.js";

describe("dueLight", () => {
  it("is red from the day after the due date, yellow within 3 days, green before, grey without a date", () => {
    const today = "2023-06-15";
    expect(dueLight("2023-06-14", today)).toBe("red");
    expect(dueLight("2023-06-15", today)).toBe("yellow");
    expect(dueLight("2023-06-18", today)).toBe("yellow");
    expect(dueLight("2023-06-19", today)).toBe("green");
    expect(dueLight(null, today)).toBe("grey");
    expect(dueLight("年底前", today)).toBe("grey");
  });

  it("counts a month-only date to its last day", () => {
    expect(dueLight("2023-06", "2023-06-28")).toBe("yellow");
    expect(dueLight("2023-05", "2023-06-01")).toBe("red");
  });
});

describe("compareWorkItems", () => {
  const at = (kind: WorkItemOrder["kind"], due: string | null, since = "2023-06-01") => ({
    kind,
    due,
    since,
  });

  it("puts the soonest due first, undated last oldest first, and breaks ties by kind", () => {
    const items = [
      at("report_review", null, "2023-06-10"),
      at("assignment_acknowledge", "2023-12"),
      at("report_due", "2023-06-25"),
      at("instruction_acknowledge", null, "2023-06-02"),
      at("report_returned", "2023-06-25"),
      at("notice_reply", "2023-06-10"),
    ];
    expect(items.sort(compareWorkItems).map((i) => i.kind)).toEqual([
      "notice_reply",
      "report_returned",
      "report_due",
      "assignment_acknowledge",
      "instruction_acknowledge",
      "report_review",
    ]);
  });

  it("ranks the cross-bureau kinds beside their in-bureau peers on a tie", () => {
    const due = "2023-06-30";
    const items = [
      at("cascade_notice_decide", null),
      at("hand_down_link", due),
      at("rectification_verify", null),
      at("assignment_acknowledge", due),
      at("notice_decide", null),
      at("cascade_notice_reply", due),
      at("instruction_acknowledge", due),
      at("notice_reply", due),
      at("rectification_submit", due),
    ];
    expect(items.sort(compareWorkItems).map((i) => i.kind)).toEqual([
      "notice_reply",
      "cascade_notice_reply",
      "rectification_submit",
      "assignment_acknowledge",
      "hand_down_link",
      "instruction_acknowledge",
      "notice_decide",
      "cascade_notice_decide",
      "rectification_verify",
    ]);
  });
});
