import type { Cockpit, PlanSummary } from "@duban/domain";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Result,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import { cockpitKey, useCockpit } from "../../api/cockpit";
import { usePlans } from "../../api/plans";
import { CockpitView } from "./cockpit-view";

/** The plans a cockpit can show: published ones, newest year first. */
export function activePlans(plans: PlanSummary[]): PlanSummary[] {
  return plans
    .filter((p) => p.status === "published")
    .sort((a, b) => b.year - a.year || (b.publishedAt ?? "").localeCompare(a.publishedAt ?? ""));
}

/** Whose figures these are, when not the whole plan's. */
function scopeText(cockpit: Cockpit): string | null {
  if (cockpit.scope.kind === "department") return `仅${cockpit.scope.unitName ?? "本科室"}牵头的任务`;
  if (cockpit.scope.kind === "school") return `仅${cockpit.scope.unitName ?? "本单位"}承担的任务`;
  return null;
}

/** Where the figures come from: computed now, or the recorded state of a day (maybe earlier than asked). */
function sourceText(cockpit: Cockpit): string {
  if (cockpit.source === "live") return `截至 ${cockpit.asOf}（实时）`;
  if (cockpit.snapshotDay !== cockpit.asOf)
    return `${cockpit.asOf} 当日无记录，显示 ${cockpit.snapshotDay} 的快照`;
  return `${cockpit.asOf} 快照`;
}

/** Placeholders in the cockpit's layout while its figures load. */
function CockpitSkeleton() {
  return (
    <Row gutter={[16, 16]} aria-label="正在加载驾驶舱" aria-busy>
      <Col span={24}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 5 }} />
        </Card>
      </Col>
      {[14, 10, 14, 10].map((span, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders that never reorder
        <Col key={i} xs={24} xl={span}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * The cockpit of one plan as of a day, with the plan picker (when several plans are active) and the date picker.
 * `planId` empty means "the newest active plan"; changes go to `onChange`, which puts them in the address.
 */
export function CockpitScreen({
  planId,
  asOf,
  onChange,
}: {
  planId: string;
  asOf: string | undefined;
  onChange: (next: { planId: string; asOf: string | undefined }) => void;
}) {
  const plans = usePlans(undefined);
  const active = useMemo(() => activePlans(plans.data?.items ?? []), [plans.data]);
  const shownId = planId || active[0]?.id || "";
  const cockpit = useCockpit(shownId, asOf);
  const queryClient = useQueryClient();
  // The server's today is the asOf of its answer without a date; the browser's clock may differ from it.
  const today =
    queryClient.getQueryData<Cockpit>([...cockpitKey, shownId, null])?.asOf ?? dayjs().format("YYYY-MM-DD");
  const pickDay = (day: string | undefined) =>
    onChange({ planId: shownId, asOf: day && day < today ? day : undefined });

  if (!planId && plans.isPending) return <CockpitSkeleton />;
  if (!planId && plans.isError) return <Result status="warning" title={plans.error.message} />;
  if (!shownId)
    return (
      <Card size="small">
        <Empty description="暂无已发布的计划：计划发布后，这里显示它的完成情况、亮灯和督办统计。" />
      </Card>
    );
  const shown = cockpit.data;
  const scope = shown ? scopeText(shown) : null;
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          {active.length > 1 && (
            <Select
              aria-label="选择计划"
              style={{ minWidth: 240, maxWidth: "100%" }}
              value={shownId}
              options={active.map((p) => ({ value: p.id, label: p.title }))}
              onChange={(id: string) => onChange({ planId: id, asOf })}
            />
          )}
          {active.length <= 1 && shown && (
            <Typography.Text strong>
              <Link to={`/plans/${shown.planId}`}>{shown.planTitle}</Link>
            </Typography.Text>
          )}
          {scope && <Tag color="blue">{scope}</Tag>}
        </Flex>
        <Flex wrap gap={8} align="center">
          {shown && <Typography.Text type="secondary">{sourceText(shown)}</Typography.Text>}
          <DatePicker
            aria-label="数据日期"
            allowClear
            placeholder="今天"
            value={asOf ? dayjs(asOf) : null}
            disabledDate={(d) => d.format("YYYY-MM-DD") > today}
            onChange={(d) => pickDay(d ? d.format("YYYY-MM-DD") : undefined)}
          />
        </Flex>
      </Flex>
      {cockpit.isError && !shown && isApiError(cockpit.error, "not_found") && (
        // A day before the plan's first record: the date picker above leads on to a day that has one.
        <Card size="small">
          <Empty description={`暂无快照：${cockpit.error.message}`} />
        </Card>
      )}
      {cockpit.isError && !shown && !isApiError(cockpit.error, "not_found") && (
        <Result status="warning" title={cockpit.error.message} />
      )}
      {cockpit.isError && shown && <Alert type="warning" showIcon title={cockpit.error.message} />}
      {cockpit.isPending && <CockpitSkeleton />}
      {shown && (
        // The previous day's figures stay, dimmed, until the picked day's arrive.
        <div style={{ opacity: cockpit.isPlaceholderData ? 0.6 : 1, transition: "opacity 0.2s" }}>
          <CockpitView cockpit={shown} onPickDay={(day) => pickDay(day)} />
        </div>
      )}
    </Flex>
  );
}
