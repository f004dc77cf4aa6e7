import {
  BellOutlined,
  CalendarOutlined,
  CopyOutlined,
  DashboardOutlined,
  DownloadOutlined,
  FormOutlined,
  GlobalOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { canViewForms, type PlanDetail } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Result, Spin } from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { apiUrl } from "../../api/client";
import { copyPlan, planImportsKey, usePlan } from "../../api/plans";
import { PageHeader } from "../../components/page-header";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { PublicSettingsDrawer } from "../public/public-settings-drawer";
import { CyclesDrawer } from "./cycles-drawer";
import { FilingDrawer } from "./filing-drawer";
import { LedgerDownload } from "./ledger-download";
import { PlanArchiveButton, PlanArchiveNote } from "./plan-archive";
import { PlanFilterBar, type PlanFilters, planFiltersFromSearch, planFiltersToSearch } from "./plan-filters";
import { PlanSummary } from "./plan-summary";
import { PlanSummaryBar } from "./plan-summary-bar";
import { PlanTable } from "./plan-table";
import { ReminderSettingsDrawer } from "./reminder-settings-drawer";

/** A published plan (`/plans/:id`). */
export function PlanPage() {
  const { id = "" } = useParams();
  const plan = usePlan(id);
  if (plan.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (plan.isError) return <Result status="warning" title={plan.error.message} />;
  return <PlanView plan={plan.data} />;
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { message } = App.useApp();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The filters live in the address, so a link (a cockpit figure, a shared URL) opens the table narrowed.
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => planFiltersFromSearch(searchParams), [searchParams]);
  const setFilters = (next: PlanFilters) => setSearchParams(planFiltersToSearch(next), { replace: true });
  const [cyclesOpen, setCyclesOpen] = useState(false);
  const [remindersOpen, setRemindersOpen] = useState(false);
  const [publicOpen, setPublicOpen] = useState(false);
  const [filingOpen, setFilingOpen] = useState(false);
  const copy = useMutation({
    mutationFn: () => copyPlan(plan.id, plan.year + 1),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: planImportsKey });
      message.success(`已复制为 ${plan.year + 1} 年的草稿，请审核后发布`);
      navigate(`/plan-imports/${created.id}`);
    },
    onError: (error) => message.error(error.message),
  });

  return (
    <>
      <PageHeader
        title={plan.title}
        actions={
          <>
            {me.abilities.cockpit.open && (
              <Button icon={<DashboardOutlined />} onClick={() => navigate(`/plans/${plan.id}/cockpit`)}>
                驾驶舱
              </Button>
            )}
            {plan.hasSourceFile && (
              <Button icon={<DownloadOutlined />} href={apiUrl(`/plans/${plan.id}/source`)} download>
                下载原文
              </Button>
            )}
            {/* The domain's own rule over the signed-in user, as the forms API applies it. */}
            {canViewForms({
              userId: me.id,
              tenantId: me.tenant.id,
              unitId: me.unit?.id ?? null,
              roles: me.roles,
            }) && (
              <Button icon={<FormOutlined />} onClick={() => navigate(`/plans/${plan.id}/forms`)}>
                数据填报
              </Button>
            )}
            {plan.abilities.ledger && <LedgerDownload planId={plan.id} />}
            {plan.abilities.ledger && (
              <Button icon={<TeamOutlined />} onClick={() => setFilingOpen(true)}>
                报送情况
              </Button>
            )}
            {plan.abilities.manageCycles && (
              <Button icon={<CalendarOutlined />} onClick={() => setCyclesOpen(true)}>
                填报周期
              </Button>
            )}
            {/* Everyone may see when reminders go out; the drawer's form is read-only without the ability. */}
            <Button icon={<BellOutlined />} onClick={() => setRemindersOpen(true)}>
              催办设置
            </Button>
            {plan.abilities.copy && (
              <Button icon={<CopyOutlined />} loading={copy.isPending} onClick={() => copy.mutate()}>
                复制到下一年
              </Button>
            )}
            <Button icon={<GlobalOutlined />} onClick={() => setPublicOpen(true)}>
              公开设置
            </Button>
            <PlanArchiveButton plan={plan} />
          </>
        }
      />
      <PlanArchiveNote plan={plan} />
      <PlanSummary plan={plan} />
      <PlanSummaryBar
        plan={plan}
        selected={filters.light}
        onSelect={(light) => setFilters({ ...filters, light })}
      />
      <PlanFilterBar nodes={plan.nodes} filters={filters} onChange={setFilters} />
      <PlanTable plan={plan} filters={filters} />
      {cyclesOpen && <CyclesDrawer plan={plan} open={cyclesOpen} onClose={() => setCyclesOpen(false)} />}
      {filingOpen && <FilingDrawer plan={plan} open={filingOpen} onClose={() => setFilingOpen(false)} />}
      {remindersOpen && (
        <ReminderSettingsDrawer
          planId={plan.id}
          open={remindersOpen}
          onClose={() => setRemindersOpen(false)}
        />
      )}
      {publicOpen && (
        <PublicSettingsDrawer planId={plan.id} open={publicOpen} onClose={() => setPublicOpen(false)} />
      )}
    </>
  );
}
