import {
  ownershipLabels,
  ownerships,
  schoolTypeLabels,
  schoolTypes,
  unitKindLabels,
  unitKinds,
} from "@duban/domain";
import { Input, Select } from "antd";
import type { UnitFilters as Filters } from "../../api/units";
import { useTownships } from "../../api/units";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { enabledOptions, optionsOf } from "../../components/select-options";

/** Search and filters of the unit list. */
export function UnitFilters({
  setFilter,
}: {
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => void;
}) {
  const townships = useTownships();
  const wide = useFilterWidth(220, true);
  const narrow = useFilterWidth(140);
  return (
    <FilterBar>
      <Input.Search
        placeholder="搜索名称或编码"
        allowClear
        aria-label="搜索单位"
        style={{ width: wide }}
        onSearch={(value) => setFilter("q", value.trim())}
      />
      <Select
        placeholder="单位类型"
        aria-label="按单位类型筛选"
        allowClear
        style={{ width: narrow }}
        options={optionsOf(unitKinds, unitKindLabels)}
        onChange={(value) => setFilter("kind", value)}
      />
      <Select
        placeholder="学校类型"
        aria-label="按学校类型筛选"
        allowClear
        style={{ width: narrow }}
        options={optionsOf(schoolTypes, schoolTypeLabels)}
        onChange={(value) => setFilter("schoolType", value)}
      />
      <Select
        placeholder="办学性质"
        aria-label="按办学性质筛选"
        allowClear
        style={{ width: narrow }}
        options={optionsOf(ownerships, ownershipLabels)}
        onChange={(value) => setFilter("ownership", value)}
      />
      <Select
        placeholder="乡镇/街道"
        aria-label="按乡镇/街道筛选"
        allowClear
        showSearch
        loading={townships.isLoading}
        style={{ width: narrow }}
        options={(townships.data ?? []).map((name) => ({ value: name, label: name }))}
        onChange={(value) => setFilter("township", value)}
      />
      <Select
        placeholder="状态"
        aria-label="按状态筛选"
        allowClear
        style={{ width: narrow }}
        options={enabledOptions}
        onChange={(value: "true" | "false" | undefined) => setFilter("enabled", value)}
      />
    </FilterBar>
  );
}
