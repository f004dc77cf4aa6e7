import type { FormField, Form as FormRecord, FormRule } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Input, Select } from "antd";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { createForm, formsKey, updateForm } from "../../api/forms";
import { useUnitOptions } from "../../api/units";
import { useErrorHandler } from "../../hooks/use-error-handler";
import { AutoRoundEditor, type AutoRoundValues, autoRoundBody, autoRoundValues } from "./auto-round-editor";
import { blankField, FieldsEditor } from "./field-editor";
import { RulesEditor } from "./rules-editor";

/** What the designer edits. */
export interface DesignValues {
  title: string;
  description: string;
  ownerUnitId?: string | null;
  fields: FormField[];
  rules: FormRule[];
  autoRound?: AutoRoundValues;
}

// Settings a field's type does not use are sent as null, so the server never sees a stale unit or option list.
function cleanField(field: FormField): FormField {
  const numeric = field.type === "integer" || field.type === "decimal" || field.type === "percent";
  const choice = field.type === "choice" || field.type === "multi_choice";
  return {
    key: field.key,
    label: field.label.trim(),
    type: field.type,
    required: Boolean(field.required),
    min: numeric || field.type === "text" ? (field.min ?? null) : null,
    max: numeric || field.type === "text" ? (field.max ?? null) : null,
    decimals: field.type === "decimal" || field.type === "percent" ? (field.decimals ?? null) : null,
    unit: numeric ? field.unit?.trim() || null : null,
    options: choice ? (field.options ?? []) : null,
    help: field.help?.trim() || null,
  };
}

/** The body the API takes from the designer's values. */
export function designBody(values: DesignValues, editing = false) {
  return {
    title: values.title.trim(),
    description: values.description?.trim() ?? "",
    fields: (values.fields ?? []).map(cleanField),
    rules: (values.rules ?? []).map((r) => ({ source: r.source.trim(), message: r.message.trim() })),
    ...(values.ownerUnitId ? { ownerUnitId: values.ownerUnitId } : {}),
    // A new form without the setting says nothing of it; an edit always says whether it is on.
    ...(values.autoRound?.on || editing ? { autoRound: autoRoundBody(values.autoRound) } : {}),
  };
}

/**
 * 填报表设计: title, fields of every type with their checks, and cross-field rules checked as typed. A new form
 * is created on the first save; an edit carries the version it started from, and a newer one is said plainly.
 */
export function FormDesigner({ planId, form }: { planId: string; form: FormRecord | null }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [antForm] = Form.useForm<DesignValues>();
  const [conflict, setConflict] = useState(false);
  const units = useUnitOptions();
  const onError = useErrorHandler();
  const editable = form === null || form.abilities.edit;
  // The types of the fields a sent form went out with stay as they were.
  const fixedTypes = useMemo(
    () => new Set(form && form.status !== "draft" ? form.fields.map((f) => f.key) : []),
    [form],
  );
  const inUse = useMemo(
    () => new Map((form?.fieldsInUse ?? []).map((u) => [u.fieldKey, u.indicator.name])),
    [form],
  );
  const save = useMutation({
    mutationFn: (values: DesignValues) =>
      form
        ? updateForm(form.id, { ...designBody(values, true), version: form.version })
        : createForm(planId, designBody(values)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: formsKey });
      message.success(form ? "填报表已保存" : "填报表已创建");
      if (!form) navigate(`/forms/${saved.id}`, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, "stale_version")) setConflict(true);
      else onError(error, antForm);
    },
  });
  const reload = () => {
    setConflict(false);
    void queryClient.invalidateQueries({ queryKey: formsKey }).then(() => antForm.resetFields());
  };
  return (
    <Form<DesignValues>
      form={antForm}
      layout="vertical"
      disabled={!editable}
      initialValues={{
        title: form?.title ?? "",
        description: form?.description ?? "",
        ownerUnitId: form?.ownerUnit?.id ?? null,
        fields: form?.fields ?? [blankField("f1")],
        rules: form?.rules ?? [],
        autoRound: autoRoundValues(form?.autoRound),
      }}
      // The whole store: a field's key has no input, so the submitted values would leave it out.
      onFinish={() => save.mutate(antForm.getFieldsValue(true) as DesignValues)}
    >
      <Flex vertical gap={16}>
        {conflict && (
          <Alert
            type="warning"
            showIcon
            title="这张填报表已被他人修改，您的修改没有保存"
            description="请重新加载最新版本后再修改（重新加载会丢弃本页未保存的内容）。"
            action={
              <Button size="small" disabled={false} onClick={reload}>
                重新加载
              </Button>
            }
          />
        )}
        <Card size="small" title="基本信息">
          <Form.Item
            name="title"
            label="填报表名称"
            rules={[{ required: true, whitespace: true, message: "请填写填报表名称" }]}
          >
            <Input maxLength={200} placeholder="如：2023年幼儿园基本情况统计表" />
          </Form.Item>
          <Form.Item name="description" label="填报说明">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          {form === null && (
            <Form.Item
              name="ownerUnitId"
              label="负责科室"
              extra="负责审核各单位的填报；科室新建的填报表归本科室"
            >
              <Select
                allowClear
                placeholder="不选则由督查室负责"
                loading={units.isPending}
                showSearch={{ optionFilterProp: "label" }}
                options={(units.data ?? [])
                  .filter((u) => u.kind === "department")
                  .map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          )}
        </Card>
        <Card size="small" title="字段">
          <FieldsEditor fixedTypes={fixedTypes} inUse={inUse} />
        </Card>
        <Card size="small" title="校验规则">
          <RulesEditor />
        </Card>
        <Card size="small" title="按周期填报">
          <AutoRoundEditor />
        </Card>
        {editable && (
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {form ? "保存" : "创建填报表"}
            </Button>
          </Flex>
        )}
      </Flex>
    </Form>
  );
}
