/** One holiday of a year's arrangement: its days off (inclusive, as the notice lists them) and its 调休 working days. */
export interface OfficialHoliday {
  name: string;
  /** First and last day off, `YYYY-MM-DD`, both inside the arrangement's year. */
  off: [string, string];
  /** Saturdays and Sundays worked in exchange (调休上班). */
  workdays: string[];
}

/** A year's arrangement as the State Council published it. */
export interface OfficialArrangement {
  year: number;
  /** The notice it comes from, as cited on the calendar page. */
  source: string;
  holidays: OfficialHoliday[];
}

/**
 * The 国务院办公厅 arrangements for the years the project ships (法定节假日 and 调休), copied from each year's notice
 * 《国务院办公厅关于 YYYY 年部分节假日安排的通知》. A new year is added here when its notice is published, or entered by
 * the admin on the calendar page before that. Days off that fall in the year before (2023's 元旦 begins on
 * 2022-12-31) belong to that year's table and are left out; weekends the notice only joins ("与周末连休") are
 * weekends anyway.
 */
export const officialArrangements: readonly OfficialArrangement[] = [
  {
    year: 2023,
    source: "国务院办公厅关于2023年部分节假日安排的通知（2022年12月8日）",
    holidays: [
      // 2022-12-31 (a Saturday) to 2023-01-02.
      { name: "元旦", off: ["2023-01-01", "2023-01-02"], workdays: [] },
      { name: "春节", off: ["2023-01-21", "2023-01-27"], workdays: ["2023-01-28", "2023-01-29"] },
      { name: "清明节", off: ["2023-04-05", "2023-04-05"], workdays: [] },
      { name: "劳动节", off: ["2023-04-29", "2023-05-03"], workdays: ["2023-04-23", "2023-05-06"] },
      { name: "端午节", off: ["2023-06-22", "2023-06-24"], workdays: ["2023-06-25"] },
      { name: "中秋节、国庆节", off: ["2023-09-29", "2023-10-06"], workdays: ["2023-10-07", "2023-10-08"] },
    ],
  },
  {
    year: 2024,
    source: "国务院办公厅关于2024年部分节假日安排的通知（2023年10月25日）",
    holidays: [
      // "1月1日放假，与周末连休": 2023-12-30 and 31 are a weekend.
      { name: "元旦", off: ["2024-01-01", "2024-01-01"], workdays: [] },
      { name: "春节", off: ["2024-02-10", "2024-02-17"], workdays: ["2024-02-04", "2024-02-18"] },
      { name: "清明节", off: ["2024-04-04", "2024-04-06"], workdays: ["2024-04-07"] },
      { name: "劳动节", off: ["2024-05-01", "2024-05-05"], workdays: ["2024-04-28", "2024-05-11"] },
      // "6月10日放假，与周末连休".
      { name: "端午节", off: ["2024-06-10", "2024-06-10"], workdays: [] },
      { name: "中秋节", off: ["2024-09-15", "2024-09-17"], workdays: ["2024-09-14"] },
      { name: "国庆节", off: ["2024-10-01", "2024-10-07"], workdays: ["2024-09-29", "2024-10-12"] },
    ],
  },
  {
    year: 2025,
    source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）",
    holidays: [
      { name: "元旦", off: ["2025-01-01", "2025-01-01"], workdays: [] },
      { name: "春节", off: ["2025-01-28", "2025-02-04"], workdays: ["2025-01-26", "2025-02-08"] },
      { name: "清明节", off: ["2025-04-04", "2025-04-06"], workdays: [] },
      { name: "劳动节", off: ["2025-05-01", "2025-05-05"], workdays: ["2025-04-27"] },
      { name: "端午节", off: ["2025-05-31", "2025-06-02"], workdays: [] },
      { name: "国庆节、中秋节", off: ["2025-10-01", "2025-10-08"], workdays: ["2025-09-28", "2025-10-11"] },
    ],
  },
  {
    year: 2026,
    source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
    holidays: [
      { name: "元旦", off: ["2026-01-01", "2026-01-03"], workdays: ["2026-01-04"] },
      { name: "春节", off: ["2026-02-15", "2026-02-23"], workdays: ["2026-02-14", "2026-02-28"] },
      { name: "清明节", off: ["2026-04-04", "2026-04-06"], workdays: [] },
      { name: "劳动节", off: ["2026-05-01", "2026-05-05"], workdays: ["2026-05-09"] },
      { name: "端午节", off: ["2026-06-19", "2026-06-21"], workdays: [] },
      { name: "中秋节", off: ["2026-09-25", "2026-09-27"], workdays: [] },
      { name: "国庆节", off: ["2026-10-01", "2026-10-07"], workdays: ["2026-09-20", "2026-10-10"] },
    ],
  },
];
