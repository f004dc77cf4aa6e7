import { type CockpitHeatmap, schoolTypeLabels } from "@duban/domain";

/** What the heat map groups schools by. */
export type HeatmapGrouping = "township" | "schoolType";

/** A school row of the heat map. */
export type HeatmapUnit = CockpitHeatmap["units"][number];

/** The label of the group a school falls in; schools without a township or type go to 其他. */
export function groupOf(unit: HeatmapUnit, grouping: HeatmapGrouping): string {
  if (grouping === "township") return unit.township ?? "其他";
  return unit.schoolType ? schoolTypeLabels[unit.schoolType] : "其他";
}

/** The groups offered by the filter, in the order the API lists townships and school types. */
export function groupOptions(heatmap: CockpitHeatmap, grouping: HeatmapGrouping): string[] {
  const named =
    grouping === "township" ? heatmap.townships : heatmap.schoolTypes.map((type) => schoolTypeLabels[type]);
  const schools = heatmap.units.filter((u) => u.kind === "school");
  const other = schools.some((u) => groupOf(u, grouping) === "其他") && !named.includes("其他");
  return other ? [...named, "其他"] : named;
}

/** The heat map as drawn: school rows grouped (then by name), task columns, and one [x, y, light] per cell. */
export interface HeatmapView {
  units: HeatmapUnit[];
  tasks: CockpitHeatmap["tasks"];
  /** [task index, unit index, light index in lightColors, assignment id]. */
  cells: [number, number, number, string][];
}

/** Only schools, of one group when `only` is set, ordered by group and name; their cells keyed to the rows. */
export function heatmapView(
  heatmap: CockpitHeatmap,
  grouping: HeatmapGrouping,
  only: string | undefined,
): HeatmapView {
  const order = groupOptions(heatmap, grouping);
  const units = heatmap.units
    .filter((u) => u.kind === "school" && (!only || groupOf(u, grouping) === only))
    .sort(
      (a, b) =>
        order.indexOf(groupOf(a, grouping)) - order.indexOf(groupOf(b, grouping)) ||
        a.name.localeCompare(b.name, "zh-CN"),
    );
  const row = new Map(units.map((u, i) => [u.unitId, i]));
  // The answer's cells are column-wise and index the answer's own rows; re-index them to the rows drawn.
  const { cells: c } = heatmap;
  const cells: HeatmapView["cells"] = [];
  for (let i = 0; i < c.assignmentIds.length; i++) {
    const y = row.get(heatmap.units[c.unit[i]!]?.unitId ?? "");
    const x = c.task[i]!;
    if (y === undefined || heatmap.tasks[x] === undefined) continue;
    cells.push([x, y, Number(c.lights[i]), c.assignmentIds[i]!]);
  }
  return { units, tasks: heatmap.tasks, cells };
}
