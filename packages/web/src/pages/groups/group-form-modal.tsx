import { type Group, type GroupCreateInput, limits } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Radio, Select } from "antd";
import { isApiError } from "../../api/client";
import { createGroup, groupsKey, updateGroup } from "../../api/groups";
import { useUnitOptions } from "../../api/units";
import { useErrorHandler } from "../../hooks/use-error-handler";
import { useIsMobile } from "../../hooks/use-is-mobile";
import { cleanRule, type GroupRuleValues } from "./group-rule";
import { GroupRuleFields } from "./group-rule-fields";

interface GroupValues {
  name: string;
  description?: string | null;
  kind: Group["kind"];
  unitIds?: string[];
  rule?: GroupRuleValues;
}

function toInput(values: GroupValues): GroupCreateInput {
  const base = { name: values.name.trim(), description: values.description?.trim() || null };
  return values.kind === "list"
    ? { ...base, kind: "list", unitIds: values.unitIds ?? [], rule: null }
    : { ...base, kind: "rule", unitIds: [], rule: cleanRule(values.rule) };
}

/** Create or edit a group: a saved list of units, or a rule evaluated whenever the group is used. */
export function GroupFormModal({
  open,
  group,
  onClose,
}: {
  open: boolean;
  group: Group | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<GroupValues>();
  const kind = Form.useWatch("kind", form);
  const units = useUnitOptions();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(groupsKey);
  const mutation = useMutation({
    mutationFn: (values: GroupValues) =>
      group
        ? updateGroup(group.id, { ...toInput(values), version: group.version })
        : createGroup(toInput(values)),
    onSuccess: () => {
      message.success(group ? "分组已保存" : "分组已创建");
      void queryClient.invalidateQueries({ queryKey: groupsKey });
      onClose();
    },
    onError: (error) => {
      onError(error, form);
      if (isApiError(error, "stale_version")) onClose();
    },
  });

  return (
    <Modal
      open={open}
      title={group ? "编辑分组" : "新建分组"}
      okText="保存"
      cancelText="取消"
      width={isMobile ? "100%" : 720}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<GroupValues>
        form={form}
        clearOnDestroy
        layout="vertical"
        initialValues={
          group
            ? {
                name: group.name,
                description: group.description,
                kind: group.kind,
                unitIds: group.unitIds,
                rule: group.rule ?? {},
              }
            : { kind: "rule", rule: { kind: "school" } }
        }
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: "请输入名称" }]}
        >
          <Input maxLength={limits.nameMax} placeholder="如 全部公办幼儿园" />
        </Form.Item>
        <Form.Item label="说明" name="description">
          <Input.TextArea
            maxLength={limits.textMax}
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder="选填"
          />
        </Form.Item>
        <Form.Item label="分组方式" name="kind">
          <Radio.Group
            optionType="button"
            disabled={group !== null}
            options={[
              { value: "rule", label: "按规则" },
              { value: "list", label: "指定单位" },
            ]}
          />
        </Form.Item>
        {kind === "list" ? (
          <Form.Item
            label="单位"
            name="unitIds"
            rules={[{ required: true, type: "array", min: 1, message: "请至少选择一个单位" }]}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder="输入名称搜索"
              loading={units.isLoading}
              showSearch={{ optionFilterProp: "label" }}
              options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
        ) : (
          <GroupRuleFields />
        )}
      </Form>
    </Modal>
  );
}
