import { type Light, lightColors, lightLabels, type PlanTreeNode } from "@duban/domain";
import { Checkbox, Input, Select } from "antd";
import { useMemo } from "react";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import type { PlanRowFilters } from "./plan-rows";

/** The plan page's filters: the table's row filters plus the section shown. */
export interface PlanFilters extends PlanRowFilters {
  sectionId?: string;
  light?: Light;
}

/**
 * The filters a link may set in the plan page's address, so a figure elsewhere (e.g. the cockpit) can open the
 * plan narrowed to it: `?light=red&section=<id>&lead=<unit id>&overdue=1&q=<text>`.
 */
export function planFiltersFromSearch(params: URLSearchParams): PlanFilters {
  const light = params.get("light");
  return {
    q: params.get("q") ?? "",
    leadUnitId: params.get("lead") || undefined,
    sectionId: params.get("section") || undefined,
    light: (lightColors as readonly string[]).includes(light ?? "") ? (light as Light) : undefined,
    overdue: params.get("overdue") === "1" || undefined,
  };
}

/** The address query of the filters, the inverse of planFiltersFromSearch (unset filters left out). */
export function planFiltersToSearch(filters: PlanFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.light) params.set("light", filters.light);
  if (filters.sectionId) params.set("section", filters.sectionId);
  if (filters.leadUnitId) params.set("lead", filters.leadUnitId);
  if (filters.overdue) params.set("overdue", "1");
  if (filters.q) params.set("q", filters.q);
  return params;
}

/** True when any filter narrows the table. */
export function isFiltering(filters: PlanFilters): boolean {
  return Boolean(filters.q || filters.leadUnitId || filters.sectionId || filters.light || filters.overdue);
}

const lightOptions = lightColors.map((light) => ({ value: light, label: lightLabels[light] }));

/** The lead units that occur in the tree, for the filter. */
function leadUnitsOf(nodes: PlanTreeNode[], found = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    if (node.leadUnit) found.set(node.leadUnit.id, node.leadUnit.name);
    leadUnitsOf(node.children, found);
  }
  return found;
}

/** Search, lead unit, section, light and 仅看逾期 above the plan table. */
export function PlanFilterBar({
  nodes,
  filters,
  onChange,
}: {
  nodes: PlanTreeNode[];
  filters: PlanFilters;
  onChange: (filters: PlanFilters) => void;
}) {
  const set = (change: Partial<PlanFilters>) => onChange({ ...filters, ...change });
  const sections = useMemo(
    () =>
      nodes
        .filter((node) => node.level === "section")
        .map((node) => ({ value: node.id, label: `${node.label ?? ""}${node.title}` })),
    [nodes],
  );
  const leadUnits = useMemo(
    () => [...leadUnitsOf(nodes)].map(([value, label]) => ({ value, label })),
    [nodes],
  );
  const searchWidth = useFilterWidth(260);
  const unitWidth = useFilterWidth(200);
  return (
    <FilterBar>
      <Input.Search
        placeholder="搜索任务标题或内容"
        aria-label="搜索任务"
        allowClear
        defaultValue={filters.q}
        style={{ width: searchWidth }}
        onSearch={(value) => set({ q: value })}
        onChange={(e) => !e.target.value && set({ q: "" })}
      />
      <Select
        aria-label="按牵头单位筛选"
        placeholder="牵头单位"
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        style={{ width: unitWidth }}
        options={leadUnits}
        value={filters.leadUnitId}
        onChange={(value: string | undefined) => set({ leadUnitId: value })}
      />
      {sections.length > 0 && (
        <Select
          aria-label="按部分筛选"
          placeholder="部分"
          allowClear
          style={{ width: unitWidth }}
          options={sections}
          value={filters.sectionId}
          onChange={(value: string | undefined) => set({ sectionId: value })}
        />
      )}
      <Select
        aria-label="按亮灯筛选"
        placeholder="亮灯"
        allowClear
        style={{ width: 120 }}
        options={lightOptions}
        value={filters.light}
        onChange={(value: Light | undefined) => set({ light: value })}
      />
      <Checkbox checked={filters.overdue ?? false} onChange={(e) => set({ overdue: e.target.checked })}>
        仅看逾期
      </Checkbox>
    </FilterBar>
  );
}
