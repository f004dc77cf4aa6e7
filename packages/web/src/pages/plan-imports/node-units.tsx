import type { DraftNode } from "@duban/domain";
import { Form, Select, Typography } from "antd";
import { useMemo } from "react";
import { useUnitOptions } from "../../api/units";

/** Props of the unit fields. */
export interface NodeUnitsProps {
  node: DraftNode;
  /** Dictionary keywords the task mentions that suggested its lead unit, shown under the select. */
  leadKeywords?: string[];
  readOnly: boolean;
  onChange: (units: { leadUnitId: string | null; coUnitIds: string[] }) => void;
}

/** What the document itself says about owners, shown beside the selects: "文中：学前教育科牵头". */
function ownersHint(names: string[] | undefined, role: string): string | null {
  return names?.length ? `文中：${names.join("、")}${role}` : null;
}

/** 牵头单位 (one) and 配合单位 (several), chosen from the tenant's enabled units; departments listed first. */
export function NodeUnits({ node, leadKeywords = [], readOnly, onChange }: NodeUnitsProps) {
  const units = useUnitOptions();
  const options = useMemo(
    () =>
      [...(units.data ?? [])]
        .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "department" ? -1 : 1))
        .map((unit) => ({ value: unit.id, label: unit.name })),
    [units.data],
  );
  const leadHint =
    ownersHint(node.ownersText?.lead, "牵头") ??
    (leadKeywords.length ? `按关键词“${leadKeywords.join("”“")}”推荐，请核对` : null);
  const coHint = ownersHint(node.ownersText?.co, "配合");

  return (
    <>
      <Form.Item label="牵头单位" extra={leadHint} style={{ marginBottom: 12 }}>
        <Select
          aria-label="牵头单位"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="选择牵头单位"
          loading={units.isLoading}
          options={options}
          value={node.leadUnitId ?? undefined}
          disabled={readOnly}
          onChange={(value: string | undefined) =>
            onChange({ leadUnitId: value ?? null, coUnitIds: node.coUnitIds.filter((id) => id !== value) })
          }
        />
      </Form.Item>
      <Form.Item label="配合单位" extra={coHint} style={{ marginBottom: 12 }}>
        <Select
          aria-label="配合单位"
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="选择配合单位"
          loading={units.isLoading}
          options={options.filter((option) => option.value !== node.leadUnitId)}
          value={node.coUnitIds}
          disabled={readOnly}
          onChange={(value: string[]) => onChange({ leadUnitId: node.leadUnitId, coUnitIds: value })}
        />
      </Form.Item>
      {units.isError && <Typography.Text type="danger">{units.error.message}</Typography.Text>}
    </>
  );
}
