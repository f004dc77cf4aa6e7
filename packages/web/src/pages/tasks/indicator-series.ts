import { aggregate, type Indicator, type Report } from "@duban/domain";

/** One point of an indicator's value over time: a cycle and the value aggregated across units. */
export interface SeriesPoint {
  cycleName: string;
  dueDate: string;
  value: number;
}

/**
 * An indicator's value per cycle from the approved reports: each cycle aggregates the units' approved values
 * the way the indicator aggregates across units (sum, average, latest …). Cycles without values are left out.
 */
export function indicatorSeries(indicator: Indicator, reports: Report[]): SeriesPoint[] {
  const byCycle = new Map<string, { cycleName: string; dueDate: string; reports: Report[] }>();
  for (const report of reports) {
    if (report.status !== "approved") continue;
    const entry = byCycle.get(report.cycle.id) ?? {
      cycleName: report.cycle.name,
      dueDate: report.cycle.dueDate,
      reports: [],
    };
    entry.reports.push(report);
    byCycle.set(report.cycle.id, entry);
  }
  return [...byCycle.values()]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .flatMap((cycle) => {
      const values = cycle.reports.flatMap((report) =>
        report.values
          .filter((v) => v.indicatorId === indicator.id)
          .map((v) => ({ value: v.value, at: report.reviewedAt ?? report.submittedAt ?? cycle.dueDate })),
      );
      const value = aggregate(values, indicator.aggregation);
      return value === null ? [] : [{ cycleName: cycle.cycleName, dueDate: cycle.dueDate, value }];
    });
}
