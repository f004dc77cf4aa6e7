import { roleLabels, roles } from "@duban/domain";
import { Input, Select } from "antd";
import { useUnitOptions } from "../../api/units";
import type { UserFilters as Filters } from "../../api/users";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { enabledOptions, optionsOf } from "../../components/select-options";

/** Search and filters of the user list. */
export function UserFilters({
  setFilter,
}: {
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => void;
}) {
  const units = useUnitOptions();
  const wide = useFilterWidth(220, true);
  const narrow = useFilterWidth(140);
  return (
    <FilterBar>
      <Input.Search
        placeholder="搜索姓名、账号或手机号"
        aria-label="搜索用户"
        allowClear
        style={{ width: wide }}
        onSearch={(value) => setFilter("q", value.trim())}
      />
      <Select
        placeholder="角色"
        aria-label="按角色筛选"
        allowClear
        style={{ width: narrow }}
        options={optionsOf(roles, roleLabels)}
        onChange={(value) => setFilter("role", value)}
      />
      <Select
        placeholder="所在单位"
        aria-label="按所在单位筛选"
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        loading={units.isLoading}
        style={{ width: wide }}
        options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        onChange={(value: string | undefined) => setFilter("unitId", value)}
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
