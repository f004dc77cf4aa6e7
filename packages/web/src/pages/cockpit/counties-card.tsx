import type { Cockpit, CountyOverview } from "@duban/domain";
import { Card, Empty, Progress, Table, type TableColumnsType } from "antd";
import { Link } from "react-router";
import { useSubordinates } from "../../api/cascade";
import { useCountyOverview } from "../../api/county-overview";
import { LightTag, lightDotColors } from "../../components/light-tag";
import { canOpen } from "../../components/navigation";
import { useSignedInUser } from "../../hooks/use-signed-in-user";

type Row = CountyOverview["counties"][number];

const columns: TableColumnsType<Row> = [
  { title: "排名", dataIndex: "rank", width: 56 },
  { title: "下级教育局", key: "tenant", render: (_, r) => r.tenant.name },
  { title: "亮灯", key: "light", width: 72, render: (_, r) => <LightTag light={r.light} /> },
  {
    title: "进度",
    key: "progress",
    render: (_, r) => (
      <Progress
        percent={r.progress}
        size="small"
        strokeColor={r.light ? lightDotColors[r.light] : undefined}
        format={(p) => `${p}%`}
      />
    ),
  },
  { title: "逾期", dataIndex: "overdue", width: 56 },
];

/**
 * 县区推进情况: on a bureau's plan-wide cockpit, its subordinate bureaus as units over what the plan handed down
 * to them (the 县区总览's ranking on the cockpit's day), opening the whole overview. Only for those who may read
 * 上下联动, and only where the bureau has bureaus below it.
 */
export function CountiesCard({ cockpit }: { cockpit: Cockpit }) {
  const me = useSignedInUser();
  const reads = canOpen(me, "cascade") && cockpit.scope.kind === "plan";
  const below = useSubordinates(reads).data?.total ?? 0;
  const overview = useCountyOverview(reads && below > 0 ? cockpit.planId : undefined, cockpit.asOf);
  if (!reads || below === 0) return null;
  const counties = overview.data?.counties ?? [];
  return (
    <Card title="县区推进情况" size="small" extra={<Link to="/cascade?tab=counties">县区总览</Link>}>
      <Table<Row>
        rowKey={(r) => r.tenant.id}
        size="small"
        pagination={false}
        loading={overview.isPending}
        columns={columns}
        dataSource={counties}
        locale={{ emptyText: <Empty description="本计划还没有下达给下级教育局的任务" /> }}
      />
    </Card>
  );
}
