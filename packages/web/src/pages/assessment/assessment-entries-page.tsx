import { Empty, Spin } from "antd";
import { useAssessmentScheme } from "../../api/assessments";
import { PageHeader } from "../../components/page-header";
import { EntriesPanel } from "./entries-panel";
import { PlanPicker, usePickedPlan } from "./plan-picker";

/**
 * 考评加减分 (`/assessment-entries?plan=…`): a department enters 加分 / 扣分 for units with reason and evidence,
 * and sees and revokes the ones it entered. The 督查室 does the same on its 考评 page.
 */
export function AssessmentEntriesPage() {
  const picked = usePickedPlan();
  const { plans, planId } = picked;
  const scheme = useAssessmentScheme(planId);
  return (
    <>
      <PageHeader title="考评加减分" />
      <PlanPicker picked={picked} />
      {plans.isPending || (planId && scheme.isPending) ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : !planId ? (
        <Empty
          description={plans.isError ? plans.error.message : "暂无计划：发布工作计划后即可录入加减分。"}
        />
      ) : scheme.data ? (
        <EntriesPanel planId={planId} scheme={scheme.data.scheme} />
      ) : (
        <Empty description={scheme.error?.message ?? "考评方案读取失败"} />
      )}
    </>
  );
}
