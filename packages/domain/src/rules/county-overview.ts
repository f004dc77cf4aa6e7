import type { CascadeLinkStatus } from "../policies/cascade.js";
import { countLight, emptyLightTally, type LightTally } from "../snapshots.js";
import { isAfterDate, planDateLastDay } from "./calendar.js";
import { type Light, lightSeverity } from "./lights.js";
import { weightedProgress } from "./rollup.js";

/** One item of the superior's plan as handed down to one county, with what the county sends up about it. */
export interface CountyOverviewItem {
  tenant: { id: string; name: string };
  status: CascadeLinkStatus;
  /** The hand-down's due date as the superior wrote it (YYYY, YYYY-MM or YYYY-MM-DD); null without one. */
  dueDate: string | null;
  /** The county's linked item, null while not linked or no longer readable. */
  light: Light | null;
  progress: number | null;
  /** When the latest approved report on the linked item was approved (ISO 8601), null before any. */
  approvedAt: string | null;
  /** The county's value per handed-down target; null where it has none. */
  values: readonly (number | null)[];
}

/** The figures of one county over every item handed down to it, or of the whole plan over every county. */
export interface CountyOverviewFigures {
  /** Items handed down（下达任务数）. */
  handedDown: number;
  /** Waiting in the county's inbox（待接收）, linked（已关联）and returned（已退回）. */
  pending: number;
  linked: number;
  returned: number;
  /** Worst light of the linked items (red > yellow > green > grey > blue); null when none shows one. */
  light: Light | null;
  /** Linked items by light. */
  lights: LightTally;
  /** Mean progress over every item handed down, each weighing 1, one not linked counting 0; one decimal. */
  progress: number;
  /** Items past their due day: linked ones showing red, and ones still pending after the hand-down's due day. */
  overdue: number;
  /** The latest approval of a report on a linked item (ISO 8601), null before any. */
  lastApprovedAt: string | null;
  /** Handed-down targets the county gave a value for, of all targets of the items handed down to it. */
  coverage: { reported: number; expected: number };
}

/** A county's row in the 县区总览, ranked. */
export interface CountyOverviewRow extends CountyOverviewFigures {
  /** 1 for the best; counties with equal progress, overdue and lagging counts share a rank (1, 1, 3). */
  rank: number;
  tenant: { id: string; name: string };
}

/** Whether a handed-down item counts as overdue for its county on `today` (see `CountyOverviewFigures`). */
export function isHandedDownOverdue(item: CountyOverviewItem, today: string): boolean {
  if (item.status === "linked") return item.light === "red";
  if (item.status !== "pending" || item.dueDate === null) return false;
  return isAfterDate(today, planDateLastDay(item.dueDate));
}

/** The figures of a set of handed-down items. */
export function countyOverviewFigures(
  items: readonly CountyOverviewItem[],
  today: string,
): CountyOverviewFigures {
  const lights = emptyLightTally();
  let worst: Light | null = null;
  let lastApprovedAt: string | null = null;
  const coverage = { reported: 0, expected: 0 };
  for (const item of items) {
    if (item.status === "linked" && item.light) {
      countLight(lights, item.light);
      if (worst === null || lightSeverity[item.light] > lightSeverity[worst]) worst = item.light;
    }
    // ISO 8601 instants in UTC compare as strings.
    if (item.approvedAt && (lastApprovedAt === null || item.approvedAt > lastApprovedAt))
      lastApprovedAt = item.approvedAt;
    coverage.expected += item.values.length;
    coverage.reported += item.values.filter((v) => v != null).length;
  }
  const count = (s: CascadeLinkStatus) => items.filter((i) => i.status === s).length;
  return {
    handedDown: items.length,
    pending: count("pending"),
    linked: count("linked"),
    returned: count("returned"),
    light: worst,
    lights,
    progress: weightedProgress(
      items.map((i) => ({ progress: i.status === "linked" ? (i.progress ?? 0) : 0, weight: 1 })),
    ),
    overdue: items.filter((i) => isHandedDownOverdue(i, today)).length,
    lastApprovedAt,
    coverage,
  };
}

/** The ranking order: higher progress, then fewer overdue, then fewer lagging（黄灯）items. */
function compareFigures(a: CountyOverviewFigures, b: CountyOverviewFigures): number {
  return b.progress - a.progress || a.overdue - b.overdue || a.lights.yellow - b.lights.yellow;
}

/**
 * The 县区总览 of a superior's plan: one row per county that was handed at least one item of it, ranked by
 * progress (then fewer overdue, then fewer lagging items; equal figures share a rank and list by name), and the
 * plan-wide totals over every item handed down. Every item weighs 1 in progress, as hand-downs carry no weight.
 * Pure: the same items and day give the same figures.
 */
export function countyOverview(
  items: readonly CountyOverviewItem[],
  today: string,
): { rows: CountyOverviewRow[]; totals: CountyOverviewFigures } {
  const byCounty = new Map<string, CountyOverviewItem[]>();
  for (const item of items) {
    const list = byCounty.get(item.tenant.id);
    if (list) list.push(item);
    else byCounty.set(item.tenant.id, [item]);
  }
  const unranked = [...byCounty.values()].map((list) => ({
    tenant: list[0]!.tenant,
    ...countyOverviewFigures(list, today),
  }));
  unranked.sort(
    (a, b) =>
      compareFigures(a, b) ||
      a.tenant.name.localeCompare(b.tenant.name, "zh-CN") ||
      (a.tenant.id < b.tenant.id ? -1 : a.tenant.id > b.tenant.id ? 1 : 0),
  );
  const rows: CountyOverviewRow[] = [];
  for (const [i, row] of unranked.entries()) {
    const before = rows[i - 1];
    const rank = before && compareFigures(before, row) === 0 ? before.rank : i + 1;
    rows.push({ rank, ...row });
  }
  return { rows, totals: countyOverviewFigures(items, today) };
}
