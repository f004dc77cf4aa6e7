import {
  ownershipLabels,
  ownerships,
  schoolTypeLabels,
  schoolTypes,
  unitKindLabels,
  unitKinds,
} from "@duban/domain";
import { Alert, Flex, Form, Select, Spin, Tag, Typography } from "antd";
import { useGroupPreview } from "../../api/groups";
import { useTownships } from "../../api/units";
import { optionsOf } from "../../components/select-options";
import { useDebouncedValue } from "../../hooks/use-debounced-value";
import { cleanRule, type GroupRuleValues } from "./group-rule";

const previewShown = 30;

/** The rule editor of a rule group: unit kind, school types, ownerships, townships, and a live preview. */
export function GroupRuleFields() {
  const townships = useTownships();
  const rule = Form.useWatch<GroupRuleValues | undefined>("rule");
  const settled = useDebouncedValue(JSON.stringify(cleanRule(rule)));
  const preview = useGroupPreview(JSON.parse(settled));
  const isDepartment = rule?.kind === "department";
  return (
    <>
      <Form.Item label="单位类型" name={["rule", "kind"]}>
        <Select allowClear placeholder="不限" options={optionsOf(unitKinds, unitKindLabels)} />
      </Form.Item>
      {!isDepartment && (
        <>
          <Form.Item label="学校类型" name={["rule", "schoolTypes"]}>
            <Select
              mode="multiple"
              allowClear
              placeholder="不限"
              options={optionsOf(schoolTypes, schoolTypeLabels)}
            />
          </Form.Item>
          <Form.Item label="办学性质" name={["rule", "ownerships"]}>
            <Select
              mode="multiple"
              allowClear
              placeholder="不限"
              options={optionsOf(ownerships, ownershipLabels)}
            />
          </Form.Item>
        </>
      )}
      <Form.Item label="乡镇/街道" name={["rule", "townships"]}>
        <Select
          mode="multiple"
          allowClear
          placeholder="不限"
          loading={townships.isLoading}
          options={(townships.data ?? []).map((name) => ({ value: name, label: name }))}
        />
      </Form.Item>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text strong>
          预览{preview.data ? `：当前匹配 ${preview.data.length} 个单位` : ""}
          {preview.isFetching && <Spin size="small" style={{ marginInlineStart: 8 }} />}
        </Typography.Text>
        {preview.isError && <Alert type="error" showIcon title={preview.error.message} />}
        {preview.data?.length === 0 && <Typography.Text type="secondary">没有符合规则的单位</Typography.Text>}
        <Flex wrap gap={4}>
          {preview.data?.slice(0, previewShown).map((unit) => (
            <Tag key={unit.id}>{unit.name}</Tag>
          ))}
          {(preview.data?.length ?? 0) > previewShown && (
            <Typography.Text type="secondary">等 {preview.data?.length} 个</Typography.Text>
          )}
        </Flex>
      </Flex>
    </>
  );
}
