import { Form, Select } from "antd";
import { useSearchParams } from "react-router";
import { usePlans } from "../../api/plans";

/**
 * The plan a 考评 page works on, kept in the address (`?plan=…`): the chosen one, else the first plan listed.
 * `select` moves to another plan, keeping the page's other parameters.
 */
export function usePickedPlan() {
  const [params, setParams] = useSearchParams();
  const plans = usePlans(undefined);
  const planId = params.get("plan") ?? plans.data?.items[0]?.id ?? "";
  const select = (next: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), plan: planId, ...next });
  return { plans, planId, params, select };
}

/** The 计划 selector of a 考评 page. */
export function PlanPicker({ picked }: { picked: ReturnType<typeof usePickedPlan> }) {
  const { plans, planId, select } = picked;
  return (
    <Form layout="inline" style={{ marginBottom: 16 }}>
      <Form.Item label="计划">
        <Select
          aria-label="计划"
          style={{ minWidth: 280, maxWidth: "100%" }}
          loading={plans.isPending}
          value={planId || undefined}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          onChange={(id: string) => select({ plan: id })}
        />
      </Form.Item>
    </Form>
  );
}
