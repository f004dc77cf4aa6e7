import {
  cascadeLinkStatusLabels,
  type HandDown,
  type HandDownCounty,
  handDownKindLabels as kindLabels,
  type ReceivedHandDown,
} from "@duban/domain";
import {
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useHandDowns, useInbox, useReceived, useSubordinates } from "../../api/cascade";
import { useHandDown } from "../../api/cascade-upward";
import { usePlan, usePlans } from "../../api/plans";
import { LightTag } from "../../components/light-tag";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { useCountyNoticeColumn } from "./county-notices";
import { CountyOverviewTab } from "./county-overview-tab";
import { CountyUpwardDialog } from "./county-upward-dialog";
import { CountyWeightsButton } from "./county-weights-dialog";
import { HandDownDialog, taskName } from "./hand-down-dialog";
import { ReceiveDialog } from "./receive-dialog";
import { ReceivedNoticesTab } from "./received-notices-tab";
import { ReturnButton } from "./return-button";
import { UpwardReportDialog } from "./upward-report-dialog";

const figure = (v: number | null, unit: string) => (v === null ? "—" : `${v}${unit}`);

/** One handed-down item: each county's light, progress, summary and values, then the roll-up（汇总）. */
function HandDownCard({
  h,
  upwardOpen = false,
  canWeigh,
}: {
  h: HandDown;
  upwardOpen?: boolean;
  canWeigh: boolean;
}) {
  const [upward, setUpward] = useState<{ county?: HandDownCounty["tenant"] } | null>(upwardOpen ? {} : null);
  const noticeColumn = useCountyNoticeColumn(h);
  const columns: TableColumnsType<HandDownCounty> = [
    { title: "下级教育局", key: "tenant", render: (_, c) => c.tenant.name },
    {
      title: "状态",
      key: "status",
      render: (_, c) => (
        <Tag color={c.status === "linked" ? "success" : c.status === "returned" ? "error" : "warning"}>
          {cascadeLinkStatusLabels[c.status]}
        </Tag>
      ),
    },
    { title: "亮灯", key: "light", render: (_, c) => <LightTag light={c.light} /> },
    { title: "进度", key: "progress", render: (_, c) => figure(c.progress, "%") },
    { title: "权重", key: "weight", render: (_, c) => c.weight },
    ...h.targets.map((t, i) => ({
      title: t.name,
      key: `t${i}`,
      render: (_: unknown, c: HandDownCounty) => figure(c.values[i] ?? null, t.unit),
    })),
    {
      title: "最新审核通过的反馈",
      key: "summary",
      render: (_, c) =>
        c.summary
          ? `${c.summary.cycle}：${c.summary.doneText}`
          : c.returnReason
            ? `退回：${c.returnReason}`
            : "—",
    },
    noticeColumn,
    {
      title: "最新向上报送",
      key: "upward",
      render: (_, c) =>
        c.upward ? (
          <Flex vertical>
            <Typography.Text ellipsis style={{ maxWidth: 240 }}>
              {c.upward.text}
            </Typography.Text>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => setUpward({ county: c.tenant })}
            >
              {`第${c.upward.version}次 · ${c.upward.fileCount} 个附件 · 查看`}
            </Button>
          </Flex>
        ) : (
          "—"
        ),
    },
  ];
  const r = h.rollup;
  return (
    <Card
      size="small"
      title={h.kind === "task" ? taskName(h.node) : `${taskName(h.node)} · ${kindLabels[h.kind]}：${h.title}`}
      extra={
        <Space>
          <Typography.Text type="secondary">{`已报 ${r.coverage.reported}/${r.coverage.expected} 县`}</Typography.Text>
          {canWeigh && <CountyWeightsButton h={h} />}
          <Button size="small" onClick={() => setUpward({})}>
            向上报送
          </Button>
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Table<HandDownCounty>
        rowKey={(c) => c.tenant.id}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={h.counties}
        scroll={{ x: true }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>汇总</Table.Summary.Cell>
            <Table.Summary.Cell
              index={1}
            >{`已报 ${r.coverage.reported}/${r.coverage.expected} 县`}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>
              <LightTag light={r.light} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{`${r.progress}%`}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
            {h.targets.map((t, i) => (
              <Table.Summary.Cell key={t.name} index={5 + i}>
                {figure(r.targets[i]?.value ?? null, t.rollup === "count" ? "县" : t.unit)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={5 + h.targets.length} />
            <Table.Summary.Cell index={6 + h.targets.length} />
          </Table.Summary.Row>
        )}
      />
      <CountyUpwardDialog
        handDown={upward ? h : null}
        county={upward?.county}
        onClose={() => setUpward(null)}
      />
    </Card>
  );
}

/** 下达与汇总: pick a plan, hand its tasks down, read each one's roll-up; a notification opens one hand-down. */
function HandDownsTab({ focus }: { focus: string | null }) {
  const plans = usePlans(undefined);
  const focused = useHandDown(focus);
  const [picked, setPicked] = useState<string>();
  const planId = picked ?? focused.data?.plan.id ?? plans.data?.items[0]?.id;
  const plan = usePlan(planId ?? "");
  // A plan hands down tens of tasks at most: one page holds them.
  const list = useHandDowns(planId, { page: 1, pageSize: 200 });
  const [open, setOpen] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 280 }}
          placeholder="选择计划"
          value={planId}
          loading={plans.isPending}
          onChange={setPicked}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
        {list.data?.abilities.handDown && plan.data && (
          <Button type="primary" onClick={() => setOpen(true)}>
            下达任务
          </Button>
        )}
      </Flex>
      {items.length === 0 ? (
        <Empty description={list.isFetching ? "加载中…" : "本计划还没有下达给下级教育局的任务"} />
      ) : (
        <>
          {items.map((h) => (
            <HandDownCard
              key={h.id}
              h={h}
              upwardOpen={h.id === focus}
              canWeigh={list.data?.abilities.handDown ?? false}
            />
          ))}
          <Flex justify="end">
            <Typography.Text type="secondary">{`共 ${list.data?.total ?? 0} 项`}</Typography.Text>
          </Flex>
        </>
      )}
      {plan.data && <HandDownDialog plan={plan.data} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}

/** 上级下达: what superiors handed down, to link or return. */
function InboxTab() {
  const { paging, pagination } = useTablePaging();
  const list = useInbox(paging);
  const [receiving, setReceiving] = useState<ReceivedHandDown | null>(null);
  // A hand-down named in the address (`?received=`, from 我的工作 or a notification) opens to 接收 while it may be.
  const [params, setParams] = useSearchParams();
  const namedId = params.get("received");
  const named = useReceived(namedId);
  const opened = named.data?.id === namedId && named.data?.abilities.link ? named.data : null;
  const closeReceiving = () => {
    setReceiving(null);
    if (namedId)
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete("received");
          return next;
        },
        { replace: true },
      );
  };
  const [reporting, setReporting] = useState<ReceivedHandDown | null>(null);
  const columns: TableColumnsType<ReceivedHandDown> = [
    { title: "上级教育局", key: "from", width: 140, render: (_, i) => i.from.name },
    {
      title: "任务",
      key: "title",
      render: (_, i) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, maxWidth: 480 }}>
          <b>{taskName(i.superiorNode)}</b> {i.kind !== "task" && <Tag>{kindLabels[i.kind]}</Tag>}
          {i.text}
        </Typography.Paragraph>
      ),
    },
    { title: "完成时限", dataIndex: "dueDate", width: 110, render: (v: string | null) => v ?? "—" },
    {
      title: "状态",
      key: "status",
      width: 200,
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <Tag color={i.status === "linked" ? "success" : i.status === "returned" ? "error" : "warning"}>
            {cascadeLinkStatusLabels[i.status]}
          </Tag>
          {i.linkedNode && (
            <Link to={`/plans/${i.linkedNode.planId}/tasks/${i.linkedNode.id}`}>
              {taskName(i.linkedNode)}
            </Link>
          )}
        </Space>
      ),
    },
    {
      title: "操作",
      key: "actions",
      width: 240,
      render: (_, i) => (
        <Space>
          {i.abilities.link && (
            <Button size="small" type="primary" onClick={() => setReceiving(i)}>
              接收
            </Button>
          )}
          {i.abilities.return && <ReturnButton item={i} />}
          {i.status === "linked" && (
            <Button size="small" onClick={() => setReporting(i)}>
              向上报送
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <ResponsiveTable<ReceivedHandDown>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        locale={{ emptyText: <Empty description="暂无上级下达的任务" /> }}
      />
      <ReceiveDialog item={receiving ?? opened} onClose={closeReceiving} />
      <UpwardReportDialog item={reporting} onClose={() => setReporting(null)} />
    </>
  );
}

/** 上下联动 (`/cascade`): hand tasks down to subordinate bureaus and read their roll-up; receive the superior's. */
export function CascadePage() {
  // Only a bureau with bureaus below it has counties to overview.
  const below = useSubordinates().data?.total ?? 0;
  // The tab is in the address, so a notification opens the tab it is about (`?tab=notices`) even from this page.
  const [params, setParams] = useSearchParams();
  return (
    <>
      <PageHeader title="上下联动" />
      <Tabs
        activeKey={params.get("tab") ?? "down"}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={[
          { key: "down", label: "下达与汇总", children: <HandDownsTab focus={params.get("handDown")} /> },
          ...(below > 0 ? [{ key: "counties", label: "县区总览", children: <CountyOverviewTab /> }] : []),
          { key: "inbox", label: "上级下达", children: <InboxTab /> },
          { key: "notices", label: "上级督办", children: <ReceivedNoticesTab /> },
        ]}
      />
    </>
  );
}
