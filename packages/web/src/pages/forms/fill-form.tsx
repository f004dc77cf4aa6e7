import type { FormSubmission, FormValues } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Form } from "antd";
import { useState } from "react";
import { formsKey, saveSubmission, submitSubmission } from "../../api/forms";
import { useErrorHandler } from "../../hooks/use-error-handler";
import { FieldInput } from "./field-input";
import { type SubmissionIssue, submissionIssues } from "./submission-errors";

interface FillValues {
  values?: Record<string, FormValues[string] | undefined>;
}

/** The values to send: one per field of the form, an untouched or cleared one as null. */
export function valuesToSend(submission: FormSubmission, values: FillValues["values"]): FormValues {
  return Object.fromEntries(
    submission.fields.map((f) => {
      const value = values?.[f.key];
      const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
      return [f.key, empty ? null : (value ?? null)];
    }),
  );
}

/**
 * The unit's filling of one submission: one field per row (a phone's width), 保存草稿 and 提交. What the server
 * refuses is put on the field it names; a broken cross-field rule is said above the buttons.
 */
export function FillForm({ submission }: { submission: FormSubmission }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FillValues>();
  const [ruleIssues, setRuleIssues] = useState<SubmissionIssue[]>([]);
  const onError = useErrorHandler(formsKey);
  const save = useMutation({
    mutationFn: async ({ submit }: { submit: boolean }) => {
      const values = valuesToSend(submission, form.getFieldValue("values"));
      const saved = await saveSubmission(submission.id, values, submission.version);
      return submit ? submitSubmission(submission.id, saved.version) : saved;
    },
    onMutate: () => {
      setRuleIssues([]);
      form.setFields(submission.fields.map((f) => ({ name: ["values", f.key], errors: [] })));
    },
    onSuccess: (_, { submit }) => {
      void queryClient.invalidateQueries({ queryKey: formsKey });
      message.success(submit ? "已提交，等待审核" : "草稿已保存");
    },
    onError: (error) => {
      const issues = submissionIssues(error);
      if (issues.length === 0) return onError(error, form);
      // 提交 saves first: a save that went through before the refusal moved the version on.
      void queryClient.invalidateQueries({ queryKey: formsKey });
      const known = new Set(submission.fields.map((f) => f.key));
      form.setFields(
        issues
          .filter((i) => i.field !== null && known.has(i.field))
          .map((i) => ({ name: ["values", i.field as string], errors: [i.message] })),
      );
      setRuleIssues(issues.filter((i) => i.field === null || !known.has(i.field)));
      message.error(error.message);
    },
  });
  return (
    <Form<FillValues> form={form} layout="vertical" initialValues={{ values: submission.values }}>
      {submission.fields.map((field) => (
        <FieldInput key={field.key} field={field} disabled={save.isPending} />
      ))}
      {ruleIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="请检查以下问题"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {ruleIssues.map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Flex gap={12} wrap>
        <Button
          size="large"
          style={{ flex: 1 }}
          loading={save.isPending && save.variables?.submit === false}
          disabled={save.isPending}
          onClick={() => save.mutate({ submit: false })}
        >
          保存草稿
        </Button>
        {submission.abilities.submit && (
          <Button
            size="large"
            type="primary"
            style={{ flex: 1 }}
            loading={save.isPending && save.variables?.submit === true}
            disabled={save.isPending}
            onClick={() => save.mutate({ submit: true })}
          >
            提交
          </Button>
        )}
      </Flex>
    </Form>
  );
}
