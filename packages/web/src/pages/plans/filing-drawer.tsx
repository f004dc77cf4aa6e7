import { type FilingUnit, filingStandingLabels, type PlanDetail } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Drawer,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import { useState } from "react";
import { useCycles } from "../../api/execution";
import { filingKey, urgeCycle, useCycleFiling } from "../../api/ledger";
import { formatDateTime } from "../../components/date-format";

const standingColors = { missing: "error", late: "warning", on_time: "success" } as const;

/** 报送情况 of a plan's cycles: who reported on time, late or not at all, and 一键催报 for the missing. */
export function FilingDrawer({
  plan,
  open,
  onClose,
}: {
  plan: PlanDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const cycles = useCycles(plan.id);
  const [picked, setPicked] = useState("");
  // The newest cycle first, until another is picked.
  const cycleId = picked || cycles.data?.[0]?.id || "";
  const filing = useCycleFiling(cycleId);
  const urge = useMutation({
    mutationFn: () => urgeCycle(cycleId),
    onSuccess: (result) => {
      if (result.reminded > 0) message.success(result.message);
      else message.info(result.message);
      void queryClient.invalidateQueries({ queryKey: filingKey });
    },
    onError: (error) => message.error(error.message),
  });
  const data = filing.data;
  const columns: TableColumnsType<FilingUnit> = [
    { title: "单位", key: "unit", render: (_, u) => u.unit.name },
    {
      title: "报送情况",
      dataIndex: "standing",
      width: 100,
      render: (s: FilingUnit["standing"]) => <Tag color={standingColors[s]}>{filingStandingLabels[s]}</Tag>,
    },
    {
      title: "应报/按时/逾期/未报",
      key: "counts",
      width: 150,
      render: (_, u) => `${u.due} / ${u.onTime} / ${u.late} / ${u.missing}`,
    },
    {
      title: "最近报送",
      dataIndex: "lastSubmittedAt",
      width: 150,
      render: (at: string | null) => (at ? formatDateTime(at) : "—"),
    },
  ];
  return (
    <Drawer title="报送情况" open={open} onClose={onClose} size={720}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="填报周期"
          style={{ width: 220 }}
          value={cycleId || undefined}
          placeholder="还没有填报周期"
          loading={cycles.isPending}
          options={(cycles.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（截止 ${c.dueDate}）` }))}
          onChange={setPicked}
        />
        {data?.abilities.urge && (
          <Popconfirm
            title={`向 ${data.totals.missing} 个未报送单位发送催报？`}
            description="每个单位每天最多催报一次。"
            okText="发送"
            cancelText="取消"
            disabled={data.totals.missing === 0}
            onConfirm={() => urge.mutateAsync()}
          >
            <Button type="primary" danger disabled={data.totals.missing === 0} loading={urge.isPending}>
              一键催报
            </Button>
          </Popconfirm>
        )}
      </Space>
      {data && (
        <Space size="large" style={{ marginBottom: 16 }}>
          <Statistic title="应报单位" value={data.totals.units} />
          <Statistic title="按时报送" value={data.totals.onTime} />
          <Statistic title="逾期报送" value={data.totals.late} />
          <Statistic title="未报送" value={data.totals.missing} />
        </Space>
      )}
      <Table<FilingUnit>
        rowKey={(u) => u.unit.id}
        size="small"
        columns={columns}
        dataSource={data?.units ?? []}
        loading={cycleId !== "" && filing.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: "本期没有应报单位" }}
      />
    </Drawer>
  );
}
