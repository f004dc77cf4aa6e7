import { describe, expect, it } from "vitest";
import { canReadCountyOverview } from "../policies/county-overview.js";
import { countyBulletinAddressee, countyBulletinTitle, draftCountyBulletin } from "./county-bulletin.js";
import { type CountyOverviewItem, countyOverview } from "./county-overview.js";

const a = { id: "a", name: "甲县教育局" };
const b = { id: "b", name: "乙县教育局" };
const c = { id: "c", name: "丙县教育局" };
const item = (over: Partial<CountyOverviewItem>): CountyOverviewItem => ({
  tenant: a,
  status: "linked",
  dueDate: "2023-12",
  light: "green",
  progress: 50,
  approvedAt: null,
  values: [],
  ...over,
});
const today = "2023-06-15";

describe("countyOverview", () => {
  const items = [
    item({ light: "yellow", progress: 30, approvedAt: "2023-06-10T02:00:00.000Z", values: [50, null] }),
    item({ light: "blue", progress: 100, approvedAt: "2023-06-12T02:00:00.000Z", values: [1] }),
    item({ tenant: b, light: "red", progress: 80, dueDate: "2023-05", values: [70, 90] }),
    item({
      tenant: b,
      status: "pending",
      light: null,
      progress: null,
      dueDate: "2023-06-14",
      values: [null],
    }),
    item({ tenant: c, status: "returned", light: null, progress: null, values: [null, null] }),
  ];
  const { rows, totals } = countyOverview(items, today);

  it("adds up each county over the items handed down to it", () => {
    expect(rows[0]).toEqual({
      rank: 1,
      tenant: a,
      handedDown: 2,
      pending: 0,
      linked: 2,
      returned: 0,
      light: "yellow",
      lights: { red: 0, yellow: 1, green: 0, grey: 0, blue: 1 },
      progress: 65,
      overdue: 0,
      lastApprovedAt: "2023-06-12T02:00:00.000Z",
      coverage: { reported: 2, expected: 3 },
    });
    // B: red linked item overdue, and the pending one is past the hand-down's due day; unlinked counts 0 → 40.
    expect(rows[1]).toMatchObject({ rank: 2, tenant: b, progress: 40, overdue: 2, pending: 1, light: "red" });
    expect(rows[2]).toMatchObject({ rank: 3, tenant: c, progress: 0, returned: 1, light: null, overdue: 0 });
  });

  it("totals every item handed down, each weighing 1", () => {
    expect(totals).toEqual({
      handedDown: 5,
      pending: 1,
      linked: 3,
      returned: 1,
      light: "red",
      lights: { red: 1, yellow: 1, green: 0, grey: 0, blue: 1 },
      progress: 42,
      overdue: 2,
      lastApprovedAt: "2023-06-12T02:00:00.000Z",
      coverage: { reported: 4, expected: 8 },
    });
  });

  it("shares a rank between counties with equal figures and lists them by name", () => {
    const tied = countyOverview(
      [
        item({ tenant: b, progress: 10 }),
        item({ tenant: a, progress: 10 }),
        item({ tenant: c, progress: 5 }),
      ],
      today,
    ).rows;
    expect(tied.map((r) => [r.rank, r.tenant.id])).toEqual([
      [1, "a"],
      [1, "b"],
      [3, "c"],
    ]);
  });

  it("ranks fewer overdue items first at equal progress", () => {
    const ranked = countyOverview(
      [item({ tenant: a, light: "red", progress: 10 }), item({ tenant: b, light: "yellow", progress: 10 })],
      today,
    ).rows;
    expect(ranked.map((r) => [r.rank, r.tenant.id])).toEqual([
      [1, "b"],
      [2, "a"],
    ]);
  });
});

describe("the 上级通报", () => {
  const { rows, totals } = countyOverview(
    [
      item({ light: "blue", progress: 100 }),
      item({ tenant: b, light: "yellow", progress: 20 }),
      item({ tenant: c, status: "pending", light: null, progress: null }),
    ],
    today,
  );
  const input = { issuer: "大连市教育局", planTitle: "大连市教育局2023年工作要点", year: 2023, asOf: today };

  it("is titled and addressed for a city's counties, or a province's cities", () => {
    expect(countyBulletinTitle(input)).toBe("关于全市教育系统2023年工作要点下达任务推进情况的通报");
    expect(countyBulletinAddressee("大连市教育局")).toBe("各县（市、区）教育局");
    expect(countyBulletinTitle({ issuer: "辽宁省教育厅", year: 2024 })).toBe(
      "关于全省教育系统2024年工作要点下达任务推进情况的通报",
    );
  });

  it("gives the figures, the ranked table with a 合计 row and names lagging and waiting counties", () => {
    const blocks = draftCountyBulletin({ ...input, rows, totals });
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      text:
        "截至2023年6月15日，大连市教育局《大连市教育局2023年工作要点》共向3个单位下达任务3项次，其中已关联2项次、" +
        "待接收1项次、已退回0项次。已关联任务中已完成1项、按期推进0项、滞后1项；逾期0项（含超过完成时限仍未接收的" +
        "任务）。平均进度40%（各项任务权重均按1计，未关联的任务按0计）。",
    });
    expect(blocks[3]).toMatchObject({
      kind: "table",
      rows: [
        ["1", "甲县教育局", "1", "1", "1", "0", "0", "0", "100%"],
        ["2", "乙县教育局", "1", "1", "0", "0", "1", "0", "20%"],
        ["3", "丙县教育局", "1", "0", "0", "0", "0", "0", "0%"],
        ["", "合计", "3", "2", "1", "0", "1", "0", "40%"],
      ],
    });
    expect(blocks.slice(5, 7)).toEqual([
      { kind: "paragraph", text: "存在滞后、逾期任务的单位：乙县教育局（滞后1项）。" },
      { kind: "paragraph", text: "尚有下达任务未接收的单位：丙县教育局（1项）。" },
    ]);
  });

  it("says so when nothing was handed down", () => {
    expect(
      draftCountyBulletin({ ...input, ...countyOverview([], today) }).map(
        (b) => b.kind === "paragraph" && b.text,
      ),
    ).toEqual(["截至2023年6月15日，《大连市教育局2023年工作要点》尚未向下级单位下达任务。"]);
  });
});

describe("canReadCountyOverview", () => {
  const actor = (role: "supervisor" | "leader" | "department") => ({
    userId: "u",
    tenantId: "t",
    unitId: null,
    roles: [role],
  });
  it("lets a superior bureau's 督查室 and leaders read, nobody without bureaus below", () => {
    expect(canReadCountyOverview(actor("supervisor"), { subordinates: 2 })).toBe(true);
    expect(canReadCountyOverview(actor("leader"), { subordinates: 1 })).toBe(true);
    expect(canReadCountyOverview(actor("department"), { subordinates: 2 })).toBe(false);
    expect(canReadCountyOverview(actor("supervisor"), { subordinates: 0 })).toBe(false);
  });
});
