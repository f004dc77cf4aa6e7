import { type Indicator, indicatorValueProblem, type Report } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Form, Input, InputNumber, Slider, type UploadFile } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { type Cycle, executionKey, saveReport } from "../../api/execution";
import { plansKey } from "../../api/plans";
import { useErrorHandler } from "../../hooks/use-error-handler";
import { EvidenceUpload, fileIdsOf, uploadFileOf } from "./evidence-upload";

interface ReportValues {
  progress: number;
  doneText?: string;
  problemsText?: string;
  nextText?: string;
  values?: Record<string, number | null>;
}

const valueField = (id: string): ["values", string] => ["values", id];

/** The form's rule for an indicator's value: the same range the server checks, said at the field. */
const valueRule = (indicator: Indicator) => ({
  validator: (_: unknown, value: number | null | undefined) => {
    const problem = typeof value === "number" ? indicatorValueProblem(indicator, value) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

/** Puts the server's `values.<n>.value` issues on the fields of the indicators sent at those positions. */
function valueIssues(error: unknown, sentIds: string[]) {
  if (!(error instanceof ApiError) || error.code !== "validation_failed" || !Array.isArray(error.details))
    return [];
  return (error.details as { path?: string; message?: string }[]).flatMap((issue) => {
    const at = /^values\.(\d+)\.value$/.exec(issue.path ?? "");
    const id = at ? sentIds[Number(at[1])] : undefined;
    return id ? [{ name: valueField(id), errors: [issue.message ?? "输入有误"] }] : [];
  });
}

/** The fields of one cycle's report; 保存草稿 keeps it, 提交 sends it for review and goes back to 我的工作. */
export function ReportForm({
  assignmentId,
  cycle,
  report,
  indicators,
}: {
  assignmentId: string;
  cycle: Cycle;
  report: Report | null;
  indicators: Indicator[];
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<UploadFile[]>(() => (report?.files ?? []).map(uploadFileOf));
  const onError = useErrorHandler(executionKey);
  const sentValues = (values: ReportValues) =>
    indicators.flatMap((i) => {
      const value = values.values?.[i.id];
      return typeof value === "number" ? [{ indicatorId: i.id, value }] : [];
    });
  const save = useMutation({
    mutationFn: ({ values, submit }: { values: ReportValues; submit: boolean }) =>
      saveReport(assignmentId, {
        cycleId: cycle.id,
        progress: values.progress,
        doneText: values.doneText ?? "",
        problemsText: values.problemsText ?? "",
        nextText: values.nextText ?? "",
        values: sentValues(values),
        fileIds: fileIdsOf(files),
        submit,
        ...(report ? { version: report.version } : {}),
      }),
    onSuccess: (_, { submit }) => {
      void queryClient.invalidateQueries({ queryKey: executionKey });
      void queryClient.invalidateQueries({ queryKey: plansKey });
      if (submit) {
        // 我的工作 must not flash this report as still due while it refetches.
        queryClient.removeQueries({ queryKey: [...executionKey, "my-work"] });
        message.success("已提交，等待审核");
        navigate("/");
      } else message.success("草稿已保存");
    },
    onError: (error, { values }) => {
      // The server names a value by its position in the list sent; the form names it by its indicator.
      const fields = valueIssues(
        error,
        sentValues(values).map((v) => v.indicatorId),
      );
      if (fields.length) form.setFields(fields);
      else onError(error, form);
    },
  });
  const uploading = files.some((f) => f.status === "uploading");
  // A draft may be half written; only 提交 insists on the required texts.
  const run = (submit: boolean) =>
    form
      .validateFields(submit ? undefined : ["progress", ...indicators.map((i) => valueField(i.id))])
      .then(() => save.mutate({ values: form.getFieldsValue(true) as ReportValues, submit }))
      .catch(() => undefined);

  return (
    <Form<ReportValues>
      form={form}
      layout="vertical"
      initialValues={{
        progress: report?.progress ?? 0,
        doneText: report?.doneText ?? "",
        problemsText: report?.problemsText ?? "",
        nextText: report?.nextText ?? "",
        values: Object.fromEntries((report?.values ?? []).map((v) => [v.indicatorId, v.value])),
      }}
    >
      <Form.Item label="进度（%）" htmlFor="report-progress" required>
        <Flex gap={12} align="center">
          <Form.Item
            name="progress"
            noStyle
            rules={[
              { required: true, message: "请填写进度" },
              // Said, not clamped: a 150 typed by mistake must not become a silent 100.
              { type: "number", min: 0, max: 100, message: "进度应为 0–100" },
            ]}
          >
            <InputNumber id="report-progress" precision={0} style={{ width: 96 }} />
          </Form.Item>
          <Form.Item name="progress" noStyle>
            <Slider min={0} max={100} style={{ flex: 1 }} />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item
        name="doneText"
        label="本期完成情况"
        rules={[{ required: true, whitespace: true, message: "请填写本期完成情况" }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="problemsText" label="存在问题">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="nextText" label="下步计划">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      {indicators.map((indicator) => (
        <Form.Item
          key={indicator.id}
          name={valueField(indicator.id)}
          label={`${indicator.name}${indicator.unit ? `（${indicator.unit}）` : ""}`}
          rules={[valueRule(indicator)]}
        >
          <InputNumber style={{ width: "100%" }} inputMode="decimal" />
        </Form.Item>
      ))}
      <Form.Item label="佐证材料" extra="可拍照或从相册选择，也可上传 PDF、Word、Excel，每个不超过 20 MB">
        <EvidenceUpload value={files} onChange={setFiles} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Button
          size="large"
          style={{ flex: 1 }}
          disabled={uploading}
          loading={save.isPending && save.variables?.submit === false}
          onClick={() => run(false)}
        >
          保存草稿
        </Button>
        <Button
          size="large"
          type="primary"
          style={{ flex: 1 }}
          disabled={uploading}
          loading={save.isPending && save.variables?.submit === true}
          onClick={() => run(true)}
        >
          提交
        </Button>
      </Flex>
    </Form>
  );
}
