import type { PlanDetail } from "@duban/domain";
import { Alert, App, Button } from "antd";
import { changePlanArchive, plansKey } from "../../api/plans";
import { useWrite } from "../../hooks/use-write";

/** What an archived plan, or a past year's plan kept live, means for the follow-up; nothing for other plans. */
export function PlanArchiveNote({ plan }: { plan: PlanDetail }) {
  if (plan.status === "archived")
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="本计划已归档：可查阅，不再催办，也不会自动生成督办单"
      />
    );
  if (plan.livePastYear)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${plan.year} 年度已过，本计划仍在督办`}
      />
    );
  return null;
}

/** 归档 or 取消归档, as the plan's abilities allow, after a confirmation that says what changes. */
export function PlanArchiveButton({ plan }: { plan: PlanDetail }) {
  const { modal } = App.useApp();
  const action = plan.abilities.archive ? "archive" : plan.abilities.unarchive ? "unarchive" : null;
  const write = useWrite({
    mutationFn: (a: "archive" | "unarchive") => changePlanArchive(plan.id, a, plan.version),
    success: (summary) => (summary.status === "archived" ? "计划已归档" : "已取消归档，计划恢复督办"),
    refresh: plansKey,
  });
  if (!action) return null;
  const archive = action === "archive";
  return (
    <Button
      loading={write.isPending}
      onClick={() =>
        modal.confirm({
          title: archive ? `归档《${plan.title}》？` : `取消归档《${plan.title}》？`,
          content: archive
            ? "归档后计划仍可查阅，但不再催办，也不会自动生成督办单。"
            : "取消归档后恢复催办和自动督办；年度已过的计划将继续督办。",
          okText: archive ? "归档" : "取消归档",
          cancelText: "取消",
          onOk: () => write.mutateAsync(action),
        })
      }
    >
      {archive ? "归档" : "取消归档"}
    </Button>
  );
}
