import { DownloadOutlined } from "@ant-design/icons";
import { Button, Empty, Spin, Tabs } from "antd";
import { summaryDocumentUrl, useAssessmentScheme } from "../../api/assessments";
import { PageHeader } from "../../components/page-header";
import { EntriesPanel } from "./entries-panel";
import { PlanPicker, usePickedPlan } from "./plan-picker";
import { RunsPanel } from "./runs-panel";
import { SchemeEditor } from "./scheme-editor";

const tabs = ["scheme", "entries", "runs"] as const;

/** 考评 (`/assessments?plan=…&tab=…`): a plan's 考评方案, 加减分 and runs, and its 年度工作总结（初稿）. */
export function AssessmentsPage() {
  const picked = usePickedPlan();
  const { plans, planId, params } = picked;
  const tab = tabs.find((t) => t === params.get("tab")) ?? "runs";
  const scheme = useAssessmentScheme(planId);
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
      <PlanPicker picked={picked} />
      {plans.isPending ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : !planId ? (
        <Empty description={plans.isError ? plans.error.message : "暂无计划：发布工作计划后即可考评。"} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => picked.select({ tab: key })}
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
