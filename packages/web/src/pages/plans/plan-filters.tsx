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

/** No filter set: the whole plan. */
export const noPlanFilters: PlanFilters = { q: "", leadUnitId: undefined };

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
