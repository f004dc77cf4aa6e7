import { Select, type SelectProps } from "antd";
import { useGroups } from "../../api/groups";
import { useUnitOptions } from "../../api/units";

/** The enabled unit groups a form is sent to (e.g. 全部幼儿园), several at once; a Form.Item passes value and onChange. */
export function AudienceGroupsSelect(props: SelectProps<string[]>) {
  const groups = useGroups("", { page: 1, pageSize: 200 });
  return (
    <Select
      mode="multiple"
      allowClear
      placeholder="如：全部幼儿园"
      loading={groups.isPending}
      showSearch={{ optionFilterProp: "label" }}
      options={(groups.data?.items ?? [])
        .filter((g) => g.enabled)
        .map((g) => ({ value: g.id, label: g.name }))}
      {...props}
    />
  );
}

/** The units a form is sent to one by one; a Form.Item passes value and onChange. */
export function AudienceUnitsSelect(props: SelectProps<string[]>) {
  const units = useUnitOptions();
  return (
    <Select
      mode="multiple"
      allowClear
      placeholder="逐个选择单位"
      loading={units.isPending}
      showSearch={{ optionFilterProp: "label" }}
      options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      {...props}
    />
  );
}
