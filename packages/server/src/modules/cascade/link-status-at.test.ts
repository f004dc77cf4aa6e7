import { describe, expect, it } from "vitest";
import { statusAt } from "./link-status-at.js";

const endOf = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 24 * 3600_000);

describe("statusAt: where a hand-down's link stood at the end of a day", () => {
  // Handed down on 12 June, returned on 15 June, linked after all on 20 June.
  const link = {
    createdAt: new Date("2023-06-12T10:00:00+08:00"),
    returnedAt: new Date("2023-06-15T16:00:00+08:00"),
    linkedAt: new Date("2023-06-20T09:00:00+08:00"),
  };

  it("is absent before the hand-down, pending until the return, returned until the link, then linked", () => {
    expect(
      ["2023-06-11", "2023-06-12", "2023-06-14", "2023-06-15", "2023-06-19", "2023-06-20"].map((d) =>
        statusAt(link, endOf(d)),
      ),
    ).toEqual([null, "pending", "pending", "returned", "returned", "linked"]);
  });

  it("reads a link never returned as pending until it is linked", () => {
    const straight = { ...link, returnedAt: null };
    expect(["2023-06-15", "2023-06-20"].map((d) => statusAt(straight, endOf(d)))).toEqual([
      "pending",
      "linked",
    ]);
  });
});
