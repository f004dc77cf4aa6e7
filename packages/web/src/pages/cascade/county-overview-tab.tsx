import { DownloadOutlined } from "@ant-design/icons";
import type { CountyOverview } from "@duban/domain";
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Select,
  Statistic,
  type TableColumnsType,
  Tooltip,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { countyBulletinUrl, useCountyOverview } from "../../api/county-overview";
import { usePlans } from "../../api/plans";
import { formatDate } from "../../components/date-format";
import { LightCounts, LightTag, lightDotColors } from "../../components/light-tag";
import { ResponsiveTable } from "../../components/responsive-table";
import { CountyProgressChart } from "./county-progress-chart";

type Row = CountyOverview["counties"][number];

const columns: TableColumnsType<Row> = [
  { title: "排名", dataIndex: "rank", width: 64 },
  { title: "下级教育局", key: "tenant", render: (_, r) => r.tenant.name },
  { title: "下达", dataIndex: "handedDown", width: 64 },
  {
    title: "待接收 / 已关联 / 已退回",
    key: "status",
    render: (_, r) => `${r.pending} / ${r.linked} / ${r.returned}`,
  },
  { title: "最差亮灯", key: "light", render: (_, r) => <LightTag light={r.light} /> },
  { title: "亮灯分布", key: "lights", render: (_, r) => <LightCounts counts={r.lights} /> },
  { title: "进度", key: "progress", render: (_, r) => `${r.progress}%` },
  { title: "逾期", dataIndex: "overdue", width: 64 },
  {
    title: "指标已报",
    key: "coverage",
    render: (_, r) => (r.coverage.expected > 0 ? `${r.coverage.reported}/${r.coverage.expected}` : "—"),
  },
  { title: "最近审核通过", key: "lastApprovedAt", render: (_, r) => formatDate(r.lastApprovedAt) },
];

/** Progress per county as bars, ranked top first, each bar coloured by the county's worst light. */
function ProgressBars({ counties }: { counties: Row[] }) {
  const option = useMemo(() => {
    const shown = [...counties].reverse();
    return {
      tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v}%` },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", data: shown.map((c) => c.tenant.name) },
      series: [
        {
          type: "bar",
          name: "进度",
          data: shown.map((c) => ({
            value: c.progress,
            itemStyle: { color: c.light ? lightDotColors[c.light] : "#bfbfbf" },
          })),
        },
      ],
    };
  }, [counties]);
  return (
    <CountyProgressChart
      label="各下级教育局进度"
      option={option}
      style={{ height: Math.max(160, counties.length * 36 + 40) }}
    />
  );
}

/** The plan-wide totals over every county. */
function Totals({ o }: { o: CountyOverview }) {
  const t = o.totals;
  return (
    <Flex gap={32} wrap style={{ marginBottom: 16 }}>
      <Statistic title="下达任务" value={o.itemCount} suffix="项" />
      <Statistic title="下达项次" value={t.handedDown} />
      <Statistic title="已关联" value={t.linked} />
      <Statistic title="待接收" value={t.pending} />
      <Statistic title="逾期" value={t.overdue} />
      <Tooltip title="各项任务权重均按 1 计，未关联的任务按 0 计">
        <span>
          <Statistic title="平均进度" value={t.progress} suffix="%" />
        </span>
      </Tooltip>
      <div>
        <Typography.Text type="secondary">最差亮灯</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <LightTag light={t.light} />
        </div>
      </div>
    </Flex>
  );
}

/**
 * 县区总览: the plan's counties as units — what each was handed down, received, linked or returned, its lights,
 * progress and overdue items, ranked — with the totals, a progress bar per county and the 上级通报 to download.
 */
export function CountyOverviewTab() {
  const plans = usePlans(undefined);
  const [picked, setPicked] = useState<string>();
  // The 通报's day: today when none is picked; an earlier day is written from the counties' records of it.
  const [bulletinDay, setBulletinDay] = useState<string>();
  const planId = picked ?? plans.data?.items[0]?.id;
  const overview = useCountyOverview(planId);
  const o = overview.data;
  const empty = !o || o.counties.length === 0;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 280 }}
          placeholder="选择计划"
          aria-label="计划"
          value={planId}
          loading={plans.isPending}
          onChange={setPicked}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
        {planId && !empty && (
          <>
            <DatePicker
              aria-label="通报日期"
              allowClear
              placeholder="今天"
              value={bulletinDay ? dayjs(bulletinDay) : null}
              disabledDate={(d) => d.format("YYYY-MM-DD") > o.asOf}
              onChange={(d) => setBulletinDay(d ? d.format("YYYY-MM-DD") : undefined)}
            />
            <Button icon={<DownloadOutlined />} href={countyBulletinUrl(planId, bulletinDay)} download>
              下载通报
            </Button>
          </>
        )}
      </Flex>
      {empty ? (
        <Empty
          description={
            overview.isPending && planId ? "加载中…" : "本计划还没有下达给下级教育局的任务，暂无县区总览"
          }
        />
      ) : (
        <>
          <Totals o={o} />
          <Card size="small" title="各下级教育局进度" style={{ marginBottom: 16 }}>
            <ProgressBars counties={o.counties} />
          </Card>
          <ResponsiveTable<Row>
            rowKey={(r) => r.tenant.id}
            size="middle"
            columns={columns}
            dataSource={o.counties}
            loading={overview.isFetching}
            pagination={false}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {`截至 ${formatDate(o.asOf)}。进度为各下达任务进度的平均值，每项任务权重均按 1 计，未关联的任务按 0 计；逾期含超过完成时限仍未接收的任务。`}
          </Typography.Paragraph>
        </>
      )}
    </>
  );
}
