import type { Report } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { isApiError } from "../../api/client";
import { executionKey, reviewReport } from "../../api/execution";
import { plansKey } from "../../api/plans";
import { type Decision, DecisionButtons } from "../../components/decision-buttons";

/** 通过 / 退回 of a submitted report; a clash with another reviewer shows the server's message and refetches. */
export function ReviewActions({ report }: { report: Report }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: executionKey });
    void queryClient.invalidateQueries({ queryKey: plansKey });
  };
  const review = useMutation({
    mutationFn: ({ accept, reason }: Decision) =>
      reviewReport(report.id, { decision: accept ? "approve" : "return", reason, version: report.version }),
    onSuccess: (_, { accept }) => {
      message.success(accept ? "已通过" : "已退回");
      refresh();
    },
    onError: (error) => {
      message.error(error.message);
      if (isApiError(error, "stale_version", "conflict")) refresh();
    },
  });
  // Someone else decided first: the dialog has nothing left to do, so it closes while the report refetches.
  const decide = (decision: Decision) =>
    review.mutateAsync(decision).catch((error: unknown) => {
      if (!isApiError(error, "stale_version", "conflict")) throw error;
    });
  return (
    <DecisionButtons
      acceptLabel="通过"
      returnLabel="退回"
      subject={report.unit.name}
      accept="immediate"
      returnDialog={{
        title: `退回 ${report.unit.name} 的填报`,
        okText: "确认退回",
        reasonLabel: "退回原因",
        reasonRequired: "请填写退回原因，告诉对方需要修改什么",
      }}
      onDecide={decide}
    />
  );
}
