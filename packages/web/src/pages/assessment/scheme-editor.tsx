import { CopyOutlined, LockOutlined } from "@ant-design/icons";
import type { AssessmentScheme, AssessmentSchemeView } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Flex, Result, Spin, Tabs, Tag } from "antd";
import { useState } from "react";
import { assessmentsKey, saveAssessmentScheme, useAssessmentScheme } from "../../api/assessments";
import { isApiError } from "../../api/client";
import { formatDateTime } from "../../components/date-format";
import { NumberField } from "./number-field";
import { SchemeCategory } from "./scheme-category";
import { SchemeCopyDialog } from "./scheme-copy-dialog";
import { otherErrors, type SchemeErrors, schemeErrorsOf, withCategory } from "./scheme-draft";

/** 考评方案 of a plan: loads it and starts a fresh editor for each version the server sends. */
export function SchemeEditor({ planId }: { planId: string }) {
  const view = useAssessmentScheme(planId);
  if (view.isPending) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  if (view.isError) return <Result status="warning" title={view.error.message} />;
  return <SchemeForm key={`${planId}:${view.data.version}:${view.data.lockedAt}`} view={view.data} />;
}

function SchemeForm({ view }: { view: AssessmentSchemeView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [scheme, setScheme] = useState<AssessmentScheme>(view.scheme);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<SchemeErrors>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  const [tab, setTab] = useState(view.scheme.categories[0]?.key ?? "");
  const schemeKey = [...assessmentsKey, "scheme", view.planId];
  const disabled = !view.abilities.edit || view.lockedAt !== null;
  const edit = (next: AssessmentScheme) => {
    setScheme(next);
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () => saveAssessmentScheme(view.planId, { scheme, version: view.version }),
    onSuccess: (saved) => {
      message.success("考评方案已保存");
      queryClient.setQueryData(schemeKey, saved);
    },
    onError: (error) => {
      setErrors(schemeErrorsOf(error));
      if (isApiError(error, "stale_version", "conflict")) setConflict(error.message);
      else if (isApiError(error, "validation_failed")) message.error("方案有误，请按标出的提示修改");
      else message.error(error instanceof Error ? error.message : "保存失败，请稍后重试");
    },
  });
  // An error no field of the open editor shows (total, appeal days and the fields above are shown in place).
  const shown = (path: string) =>
    path === "total" ||
    path === "appealDays" ||
    /^categories\.\d+\.(items|bands|schoolTypes)(\.|$)/.test(path);
  const loose = otherErrors(errors, shown);
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        {view.isDefault && <Tag color="blue">默认方案（尚未保存）</Tag>}
        {view.lockedAt && (
          <Tag icon={<LockOutlined />} color="default">
            已于 {formatDateTime(view.lockedAt)} 正式考评锁定，不能再修改
          </Tag>
        )}
        <div style={{ flex: 1 }} />
        {!disabled && (
          <>
            <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
              从往年方案复制
            </Button>
            <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
              保存方案
            </Button>
          </>
        )}
      </Flex>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          description="方案已被他人修改或已锁定。重新载入将显示最新方案，您未保存的修改会丢失。"
          action={
            <Button size="small" onClick={() => void queryClient.invalidateQueries({ queryKey: schemeKey })}>
              重新载入
            </Button>
          }
        />
      )}
      {loose.length > 0 && <Alert type="error" showIcon title="方案有误" description={loose.join("；")} />}
      <Card size="small">
        <Flex wrap gap={24}>
          <NumberField
            label="总分"
            name="总分"
            value={scheme.total}
            error={errors.total}
            disabled={disabled}
            onChange={(total) => edit({ ...scheme, total: total ?? 0 })}
          />
          <NumberField
            label="申诉期（天）"
            name="申诉期（天）"
            value={scheme.appealDays}
            error={errors.appealDays}
            disabled={disabled}
            step={1}
            onChange={(appealDays) => edit({ ...scheme, appealDays: appealDays ?? 0 })}
          />
        </Flex>
      </Card>
      {scheme.categories.length === 0 ? (
        <Empty description="方案中没有考评类别" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={scheme.categories.map((category, i) => ({
            key: category.key,
            label: Object.keys(errors).some((path) => path.startsWith(`categories.${i}.`)) ? (
              <span style={{ color: "#cf1322" }}>{category.label}（有误）</span>
            ) : (
              category.label
            ),
            children: (
              <SchemeCategory
                category={category}
                total={scheme.total}
                at={`categories.${i}`}
                errors={errors}
                disabled={disabled}
                onChange={(next) => edit(withCategory(scheme, i, () => next))}
              />
            ),
          }))}
        />
      )}
      {copying && (
        <SchemeCopyDialog
          planId={view.planId}
          version={view.version}
          dirty={dirty}
          onClose={() => setCopying(false)}
        />
      )}
    </Flex>
  );
}
