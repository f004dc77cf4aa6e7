import { BellOutlined, CalendarOutlined, CopyOutlined, DownloadOutlined } from "@ant-design/icons";
import { type Light, lightColors, lightLabels, type PlanDetail, type PlanTreeNode } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Checkbox,
  Collapse,
  Descriptions,
  Empty,
  Input,
  Result,
  Select,
  Spin,
  Table,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { apiUrl } from "../../api/client";
import { copyPlan, planImportsKey, usePlan } from "../../api/plans";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { PageHeader } from "../../components/page-header";
import { formatDay } from "../../components/plan-format";
import { CyclesDrawer } from "./cycles-drawer";
import { planColumns } from "./plan-columns";
import { type PlanRow, planRowsOf, structureKeysOf } from "./plan-rows";
import { planStatusColumns } from "./plan-status-columns";
import { PlanSummaryBar } from "./plan-summary-bar";
import { ReminderSettingsDrawer } from "./reminder-settings-drawer";

const lightOptions = lightColors.map((light) => ({ value: light, label: lightLabels[light] }));

/** The lead units that occur in the tree, for the filter. */
function leadUnitsOf(nodes: PlanTreeNode[], found = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    if (node.leadUnit) found.set(node.leadUnit.id, node.leadUnit.name);
    leadUnitsOf(node.children, found);
  }
  return found;
}

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
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [leadUnitId, setLeadUnitId] = useState<string | undefined>();
  const [sectionId, setSectionId] = useState<string | undefined>();
  const [light, setLight] = useState<Light | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [cyclesOpen, setCyclesOpen] = useState(false);
  const [remindersOpen, setRemindersOpen] = useState(false);
  const [expanded, setExpanded] = useState<readonly React.Key[]>(() => structureKeysOf(plan.nodes));
  const rows = useMemo(() => {
    const nodes = sectionId ? plan.nodes.filter((node) => node.id === sectionId) : plan.nodes;
    return planRowsOf(nodes, { q, leadUnitId, light, overdue });
  }, [plan.nodes, q, leadUnitId, sectionId, light, overdue]);
  const sections = useMemo(
    () =>
      plan.nodes
        .filter((node) => node.level === "section")
        .map((node) => ({ value: node.id, label: `${node.label ?? ""}${node.title}` })),
    [plan.nodes],
  );
  const filtering = Boolean(q || leadUnitId || sectionId || light || overdue);
  const leadUnits = useMemo(
    () => [...leadUnitsOf(plan.nodes)].map(([value, label]) => ({ value, label })),
    [plan.nodes],
  );
  const columns = useMemo(() => planColumns(plan.id, planStatusColumns()), [plan.id]);
  const searchWidth = useFilterWidth(260);
  const unitWidth = useFilterWidth(200);
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
            {plan.hasSourceFile && (
              <Button icon={<DownloadOutlined />} href={apiUrl(`/plans/${plan.id}/source`)} download>
                下载原文
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
          </>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: "year", label: "年度", children: `${plan.year}年` },
          { key: "issuer", label: "发文单位", children: plan.issuer ?? "—" },
          { key: "doc", label: "文号", children: plan.docNumber ?? "—" },
          { key: "published", label: "发布日期", children: formatDay(plan.publishedAt) },
          {
            key: "counts",
            label: "内容",
            span: "filled",
            children: `${plan.sectionCount} 个部分 · ${plan.taskCount} 项任务 · ${plan.indicatorCount} 个指标 · ${plan.milestoneCount} 个节点`,
          },
        ]}
      />
      {plan.preamble && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: "preamble",
              label: "总体要求",
              children: (
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                  {plan.preamble}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      )}
      <PlanSummaryBar plan={plan} selected={light} onSelect={setLight} />
      <FilterBar>
        <Input.Search
          placeholder="搜索任务标题或内容"
          aria-label="搜索任务"
          allowClear
          style={{ width: searchWidth }}
          onSearch={(value) => setQ(value)}
          onChange={(e) => !e.target.value && setQ("")}
        />
        <Select
          aria-label="按牵头单位筛选"
          placeholder="牵头单位"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: unitWidth }}
          options={leadUnits}
          value={leadUnitId}
          onChange={(value: string | undefined) => setLeadUnitId(value)}
        />
        {sections.length > 0 && (
          <Select
            aria-label="按部分筛选"
            placeholder="部分"
            allowClear
            style={{ width: unitWidth }}
            options={sections}
            value={sectionId}
            onChange={(value: string | undefined) => setSectionId(value)}
          />
        )}
        <Select
          aria-label="按亮灯筛选"
          placeholder="亮灯"
          allowClear
          style={{ width: 120 }}
          options={lightOptions}
          value={light}
          onChange={(value: Light | undefined) => setLight(value)}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          仅看逾期
        </Checkbox>
      </FilterBar>
      <Table<PlanRow>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded, indentSize: 12 }}
        locale={{
          emptyText: <Empty description={filtering ? "没有符合条件的任务" : "这个计划还没有内容"} />,
        }}
      />
      {cyclesOpen && <CyclesDrawer plan={plan} open={cyclesOpen} onClose={() => setCyclesOpen(false)} />}
      {remindersOpen && (
        <ReminderSettingsDrawer
          planId={plan.id}
          open={remindersOpen}
          onClose={() => setRemindersOpen(false)}
        />
      )}
    </>
  );
}
