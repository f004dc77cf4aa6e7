import { ReloadOutlined } from "@ant-design/icons";
import { Button, Empty, Select, Table, type TableColumnsType, Tag, Typography } from "antd";
import { type Delivery, type DeliveryFilters, useDeliveries } from "../../api/channels";
import { formatDateTime } from "../../components/date-format";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { useFilters } from "../../hooks/use-filters";
import { useTablePaging } from "../../hooks/use-table-paging";
import { channelLabels, deliveryStatusLabels, optionsOf } from "./channel-labels";

const statusOptions = (Object.keys(deliveryStatusLabels) as Delivery["status"][]).map((value) => ({
  value,
  label: deliveryStatusLabels[value].label,
}));

const columns: TableColumnsType<Delivery> = [
  {
    title: "时间",
    dataIndex: "createdAt",
    width: 170,
    render: (value: string) => formatDateTime(value),
  },
  {
    title: "渠道",
    dataIndex: "channel",
    width: 150,
    render: (channel: Delivery["channel"]) => channelLabels[channel] ?? channel,
  },
  {
    title: "目标",
    key: "target",
    width: 280,
    render: (_, row) => (
      <>
        <Typography.Text style={{ wordBreak: "break-all" }}>{row.target}</Typography.Text>
        {row.title && (
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {row.title}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: "状态",
    key: "status",
    width: 90,
    render: (_, row) => {
      const status = deliveryStatusLabels[row.status];
      return <Tag color={status?.color}>{status?.label ?? row.status}</Tag>;
    },
  },
  { title: "尝试次数", dataIndex: "attempts", width: 90, align: "right" },
  {
    title: "最后错误",
    dataIndex: "lastError",
    width: 280,
    render: (error: string | null) =>
      error ? (
        <Typography.Text type="danger" ellipsis={{ tooltip: error }} style={{ maxWidth: 280 }}>
          {error}
        </Typography.Text>
      ) : (
        "—"
      ),
  },
];

/** 投递记录: what went out on email and the robots, what failed and why, paged on the server. */
export function DeliveryLog() {
  const { paging, pagination, resetPage } = useTablePaging();
  const { filters, setFilter } = useFilters<DeliveryFilters>({}, resetPage);
  const deliveries = useDeliveries(filters, paging);
  const width = useFilterWidth(180);
  return (
    <>
      <FilterBar>
        <Select
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width }}
          options={statusOptions}
          value={filters.status}
          onChange={(value?: Delivery["status"]) => setFilter("status", value)}
        />
        <Select
          aria-label="按渠道筛选"
          placeholder="全部渠道"
          allowClear
          style={{ width }}
          options={optionsOf(channelLabels)}
          value={filters.channel}
          onChange={(value?: Delivery["channel"]) => setFilter("channel", value)}
        />
        <Button
          icon={<ReloadOutlined />}
          loading={deliveries.isFetching}
          onClick={() => void deliveries.refetch()}
        >
          刷新
        </Button>
      </FilterBar>
      <Table<Delivery>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={deliveries.data?.items}
        loading={deliveries.isFetching}
        pagination={pagination(deliveries.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: <Empty description={deliveries.isError ? deliveries.error.message : "暂无投递记录"} />,
        }}
      />
    </>
  );
}
