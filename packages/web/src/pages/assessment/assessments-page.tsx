import { DownloadOutlined } from "@ant-design/icons";
import { Button, Empty, Form, Select, Spin, Tabs } from "antd";
import { useSearchParams } from "react-router";
import { summaryDocumentUrl, useAssessmentScheme } from "../../api/assessments";
import { usePlans } from "../../api/plans";
import { PageHeader } from "../../components/page-header";
import { EntriesPanel } from "./entries-panel";
import { RunsPanel } from "./runs-panel";
import { SchemeEditor } from "./scheme-editor";

const tabs = ["scheme", "entries", "runs"] as const;

/** 考评 (`/assessments?plan=…&tab=…`): a plan's 考评方案, 加减分 and runs, and its 年度工作总结（初稿）. */
export function AssessmentsPage() {
  const [params, setParams] = useSearchParams();
  const plans = usePlans(undefined);
  const planId = params.get("plan") ?? plans.data?.items[0]?.id ?? "";
  const tab = tabs.find((t) => t === params.get("tab")) ?? "runs";
  const scheme = useAssessmentScheme(planId);
  const go = (next: { plan?: string; tab?: string }) =>
    setParams({ plan: next.plan ?? planId, tab: next.tab ?? tab });
  return (
    <>
      <PageHeader
        title="考评"
        actions={
          planId && (
            <Button icon={<DownloadOutlined />} href={summaryDocumentUrl(planId)} download>
              年度工作总结（初稿）
            </Button>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="计划">
          <Select
            aria-label="计划"
            style={{ minWidth: 280, maxWidth: "100%" }}
            loading={plans.isPending}
            value={planId || undefined}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            onChange={(id: string) => go({ plan: id })}
          />
        </Form.Item>
      </Form>
      {plans.isPending ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : !planId ? (
        <Empty description={plans.isError ? plans.error.message : "暂无计划：发布工作计划后即可考评。"} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => go({ tab: key })}
          items={[
            { key: "runs", label: "考评批次", children: <RunsPanel planId={planId} /> },
            { key: "scheme", label: "考评方案", children: <SchemeEditor planId={planId} /> },
            {
              key: "entries",
              label: "加减分",
              children: scheme.data ? (
                <EntriesPanel planId={planId} scheme={scheme.data.scheme} />
              ) : (
                <Spin style={{ display: "block", margin: "48px auto" }} />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
