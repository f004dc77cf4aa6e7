import {
  type ComputedIndicator,
  checkFormula,
  type FormField,
  formulaInWords,
  type Indicator,
  parseFormula,
} from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Flex, Form, Input, Modal, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useForm as useFormRecord, usePlanForms } from "../../api/forms";
import { computedKey, putFormula } from "../../api/indicator-formulas";
import { plansKey } from "../../api/plans";

/** The live check of a formula as typed: the problem, or the formula read out in words. */
export function formulaCheck(source: string, fields: FormField[]): { ok: boolean; text: string } {
  if (source.trim() === "") return { ok: false, text: "请填写计算公式" };
  try {
    const parsed = parseFormula(source, fields);
    if (!parsed.ok) return { ok: false, text: `第 ${parsed.at + 1} 个字符处：${parsed.message}` };
    const problem = checkFormula(parsed.ast, fields)[0];
    if (problem) return { ok: false, text: problem };
    return { ok: true, text: `即：${formulaInWords(parsed.ast, fields)}` };
  } catch {
    return { ok: false, text: "公式暂时无法检查，保存时由服务器检查" };
  }
}

interface FormulaValues {
  formId?: string;
  source: string;
}

/**
 * 设置计算公式: picks the form whose approved data the indicator is computed from and writes the formula over its
 * fields' names, e.g. `sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) × 100`; checked as typed, and
 * the server's refusal is shown in the dialog.
 */
export function FormulaEditor({
  planId,
  indicator,
  computed,
  onClose,
}: {
  planId: string;
  indicator: Indicator;
  computed: ComputedIndicator | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormulaValues>();
  const forms = usePlanForms(planId, { page: 1, pageSize: 100 });
  const formId = Form.useWatch("formId", form) ?? computed?.formula?.formId ?? "";
  const source = (Form.useWatch("source", form) ?? computed?.formula?.source ?? "") as string;
  const picked = useFormRecord(formId);
  const fields = formId && picked.data ? picked.data.fields : [];
  const check = formId ? formulaCheck(source, fields) : { ok: false, text: "请先选择数据来源的填报表" };
  const [serverError, setServerError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: FormulaValues) =>
      putFormula(indicator.id, {
        formId: values.formId ?? "",
        source: values.source.trim(),
        ...(computed?.formula ? { version: computed.formula.version } : {}),
      }),
    onSuccess: () => {
      for (const key of [computedKey, plansKey]) void queryClient.invalidateQueries({ queryKey: key });
      message.success("计算公式已保存");
      onClose();
    },
    onError: (error) => setServerError(error.message),
  });
  const insert = (label: string) => form.setFieldValue("source", `${source}${label}`);
  return (
    <Modal
      title={`计算公式：${indicator.name}`}
      open
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FormulaValues>
        form={form}
        layout="vertical"
        initialValues={{ formId: computed?.formula?.formId, source: computed?.formula?.source ?? "" }}
        onFinish={(values) => {
          setServerError(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="formId" label="数据来源" rules={[{ required: true, message: "请选择填报表" }]}>
          <Select
            placeholder="选择填报表"
            loading={forms.isPending}
            options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.title }))}
            notFoundContent="本计划还没有填报表，请先在“数据填报”中新建"
          />
        </Form.Item>
        {fields.length > 0 && (
          <Flex wrap gap={4} style={{ marginBottom: 12 }} aria-label="可用字段">
            <Typography.Text type="secondary">点击插入字段：</Typography.Text>
            {fields.map((f) => (
              <Tag key={f.key} style={{ cursor: "pointer" }} onClick={() => insert(f.label)}>
                {f.label}
              </Tag>
            ))}
          </Flex>
        )}
        <Form.Item
          name="source"
          label="计算公式"
          rules={[{ required: true, whitespace: true, message: "请填写计算公式" }]}
          extra="可用 sum / count / avg / min / max，按 where 筛选单位，如 ownership=公办、schoolType=幼儿园、普惠=是；以 + − × ÷ 连接"
          style={{ marginBottom: 4 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            placeholder="如：sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) × 100"
          />
        </Form.Item>
        <Typography.Text type={check.ok ? "success" : "danger"} role="status" aria-label="公式检查">
          {check.text}
        </Typography.Text>
        {serverError && <Alert type="error" showIcon title={serverError} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}
