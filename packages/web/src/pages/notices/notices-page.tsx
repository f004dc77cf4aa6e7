import { DownloadOutlined, ScanOutlined, SendOutlined } from "@ant-design/icons";
import {
  type Notice,
  noticeLevelLabels,
  noticeLevels,
  noticeStatuses,
  noticeStatusLabels,
} from "@duban/domain";
import { App, Button, Empty, Input, Select, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { type NoticeFilters, noticesExportUrl, noticesKey, scanNotices, useNotices } from "../../api/notices";
import { useUnitOptions } from "../../api/units";
import { formatDate } from "../../components/date-format";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { canManage } from "../../components/navigation";
import { NoticeLevelTag, NoticeStatusTag } from "../../components/notice-tags";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { optionsOf } from "../../components/select-options";
import { useAddressFilters } from "../../hooks/use-address-filters";
import { useFilters } from "../../hooks/use-filters";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { useTablePaging } from "../../hooks/use-table-paging";
import { useWrite } from "../../hooks/use-write";
import { NoticeCreateDialog } from "./notice-create-dialog";

const columns: TableColumnsType<Notice> = [
  {
    title: "文号",
    dataIndex: "documentNumber",
    width: 150,
    render: (v: string | null) => v ?? "—",
  },
  {
    title: "督办事项",
    key: "node",
    render: (_, n) => `${n.node.label ?? ""}${n.node.title}`,
  },
  { title: "责任单位", key: "unit", width: 160, render: (_, n) => n.unit.name },
  {
    title: "督办等级",
    dataIndex: "level",
    width: 100,
    render: (v: Notice["level"]) => <NoticeLevelTag level={v} />,
  },
  {
    title: "下发时间",
    dataIndex: "createdAt",
    width: 110,
    render: (v: string) => formatDate(v),
  },
  {
    title: "回复时限",
    dataIndex: "replyDue",
    width: 130,
    render: (v: string | null) => formatPlanDate(v),
  },
  { title: "来源", dataIndex: "source", width: 70, render: (v: string) => (v === "auto" ? "自动" : "人工") },
  {
    title: "状态",
    dataIndex: "status",
    width: 100,
    render: (v: Notice["status"]) => <NoticeStatusTag status={v} />,
  },
];

/** 督办台账 (`/notices`): every 督办单 the user may see, filtered, exported, scanned and raised by hand. */
export function NoticesPage() {
  const me = useSignedInUser();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { paging, pagination, resetPage } = useTablePaging();
  const linked = useAddressFilters<NoticeFilters>(["planId", "level", "unitId", "status", "overdueReply"]);
  const { filters, setFilter } = useFilters<NoticeFilters>(linked, resetPage);
  const [creating, setCreating] = useState(false);
  const notices = useNotices(filters, paging);
  const units = useUnitOptions();
  const width = useFilterWidth(160);
  // Those who see every unit read the whole 督办台账 and filter it by unit; a school reads its own 督办单.
  const ledger = canManage(me, "notices");
  const abilities = notices.data?.abilities;
  const scan = useWrite({
    mutationFn: scanNotices,
    success: "扫描完成",
    refresh: noticesKey,
    onDone: (c) =>
      modal.info({
        title: "扫描结果",
        content: `新下发 ${c.raised} 件，升级 ${c.upgraded} 件，自动关闭 ${c.closed} 件`,
      }),
  });
  return (
    <>
      <PageHeader
        title={ledger ? "督办台账" : "督办单"}
        actions={
          <>
            {(abilities?.export ?? false) && (
              <Button icon={<DownloadOutlined />} href={noticesExportUrl(filters)} download>
                导出 Excel
              </Button>
            )}
            {(abilities?.scan ?? false) && (
              <Button icon={<ScanOutlined />} loading={scan.isPending} onClick={() => scan.mutate(undefined)}>
                立即扫描
              </Button>
            )}
            {(abilities?.create ?? false) && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setCreating(true)}>
                下发督办单
              </Button>
            )}
          </>
        }
      />
      <FilterBar>
        <Select
          aria-label="按督办等级筛选"
          placeholder="督办等级"
          allowClear
          style={{ width }}
          options={optionsOf(noticeLevels, noticeLevelLabels)}
          defaultValue={linked.level}
          onChange={(v) => setFilter("level", v)}
        />
        {ledger && (
          <Select
            aria-label="按责任单位筛选"
            placeholder="责任单位"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            style={{ width }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            defaultValue={linked.unitId}
            onChange={(v) => setFilter("unitId", v)}
          />
        )}
        <Select
          aria-label="按状态筛选"
          placeholder="状态"
          allowClear
          style={{ width }}
          options={optionsOf(noticeStatuses, noticeStatusLabels)}
          defaultValue={linked.status}
          onChange={(v) => setFilter("status", v)}
        />
        <Select
          aria-label="回复逾期"
          placeholder="回复逾期"
          allowClear
          style={{ width }}
          options={[
            { value: "true", label: "回复逾期" },
            { value: "false", label: "未逾期" },
          ]}
          defaultValue={linked.overdueReply}
          onChange={(v) => setFilter("overdueReply", v)}
        />
        {filters.planId && (
          <Tag closable onClose={() => setFilter("planId", undefined)} style={{ alignSelf: "center" }}>
            仅本计划
          </Tag>
        )}
        <Input.Search
          aria-label="搜索督办单"
          placeholder="搜索事项、任务、单位"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => setFilter("q", v.trim())}
        />
      </FilterBar>
      <ResponsiveTable<Notice>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={notices.data?.items}
        loading={notices.isFetching}
        pagination={pagination(notices.data?.total)}
        scroll={{ x: "max-content" }}
        onRow={(n) => ({ onClick: () => navigate(`/notices/${n.id}`), style: { cursor: "pointer" } })}
        locale={{ emptyText: <Empty description={notices.isError ? notices.error.message : "暂无督办单"} /> }}
      />
      {creating && <NoticeCreateDialog onClose={() => setCreating(false)} />}
    </>
  );
}
