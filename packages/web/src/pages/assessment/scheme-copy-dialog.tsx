import { Alert, Form, Modal, Select } from "antd";
import { useState } from "react";
import { assessmentsKey, copyAssessmentScheme } from "../../api/assessments";
import { usePlans } from "../../api/plans";
import { useWrite } from "../../hooks/use-write";

/** 从往年方案复制: picks another plan whose scheme replaces this plan's (last year's by default in the list). */
export function SchemeCopyDialog({
  planId,
  version,
  dirty,
  onClose,
}: {
  planId: string;
  version: number;
  dirty: boolean;
  onClose: () => void;
}) {
  const plans = usePlans(undefined);
  const [fromPlanId, setFromPlanId] = useState<string | undefined>();
  const copy = useWrite({
    mutationFn: (from: string) => copyAssessmentScheme(planId, { fromPlanId: from, version }),
    success: "已复制往年方案，请检查后保存",
    refresh: [...assessmentsKey, "scheme", planId],
    onDone: onClose,
  });
  const options = (plans.data?.items ?? [])
    .filter((plan) => plan.id !== planId)
    .map((plan) => ({ value: plan.id, label: `${plan.year}年 ${plan.title}` }));
  return (
    <Modal
      open
      title="从往年方案复制"
      okText="复制"
      cancelText="取消"
      okButtonProps={{ disabled: !fromPlanId, loading: copy.isPending }}
      onOk={() => fromPlanId && copy.mutate(fromPlanId)}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={dirty ? "复制将替换当前方案，未保存的修改会丢失。" : "复制将替换当前方案。"}
      />
      <Form layout="vertical">
        <Form.Item label="复制自">
          <Select
            aria-label="复制自"
            loading={plans.isPending}
            placeholder="选择计划"
            value={fromPlanId}
            options={options}
            onChange={setFromPlanId}
            notFoundContent="没有其他计划"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
