import { describe, expect, it } from "vitest";
import { allPages } from "./ledger.repository.js";

/** A reader over `n` numbered rows that records the pages it was asked for. */
function reader(n: number) {
  const asked: [number, number][] = [];
  const read = async ({ limit, offset }: { limit: number; offset: number }) => {
    asked.push([limit, offset]);
    return Array.from({ length: Math.max(0, Math.min(limit, n - offset)) }, (_, i) => offset + i);
  };
  return { asked, read };
}

describe("allPages", () => {
  it("reads every row once, a page at a time, and stops at the first short page", async () => {
    const { asked, read } = reader(7);
    expect(await allPages(read, 3)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(asked).toEqual([
      [3, 0],
      [3, 3],
      [3, 6],
    ]);
  });

  it("asks once more after a full last page, and gets nothing", async () => {
    const { asked, read } = reader(6);
    expect(await allPages(read, 3)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(asked).toEqual([
      [3, 0],
      [3, 3],
      [3, 6],
    ]);
  });
});
