import { PlusOutlined } from "@ant-design/icons";
import type { AssessmentEntryView, AssessmentScheme } from "@duban/domain";
import { Button, Empty, Flex, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { assessmentsKey, revokeAssessmentEntry, useAssessmentEntries } from "../../api/assessments";
import { formatDateTime } from "../../components/date-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { useWrite } from "../../hooks/use-write";
import { EntryDialog, manualItemOptions } from "./entry-dialog";
import { formatPoints } from "./points";
import { ReasonDialog } from "./reason-dialog";

/** 加减分 of a plan: every entry with its reason, 录入 for those who may, 撤销 with a reason. */
export function EntriesPanel({ planId, scheme }: { planId: string; scheme: AssessmentScheme }) {
  const { paging, pagination } = useTablePaging();
  const list = useAssessmentEntries(planId, paging);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<AssessmentEntryView | null>(null);
  const revoke = useWrite({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => revokeAssessmentEntry(id, reason),
    success: "已撤销",
    refresh: [...assessmentsKey, "entries", planId],
    onDone: () => setRevoking(null),
  });
  const itemLabels = new Map(manualItemOptions(scheme).map((o) => [o.value, o.label]));
  const columns: TableColumnsType<AssessmentEntryView> = [
    { title: "单位", dataIndex: "unitName" },
    { title: "考评项", key: "item", render: (_, e) => itemLabels.get(e.itemKey) ?? e.itemKey },
    {
      title: "分值",
      key: "points",
      render: (_, e) => (
        <Typography.Text type={e.points < 0 ? "danger" : undefined}>{formatPoints(e.points)}</Typography.Text>
      ),
    },
    {
      title: "理由",
      key: "reason",
      render: (_, e) => (
        <Flex vertical>
          <span>{e.reason}</span>
          {e.fileIds.length > 0 && (
            <Typography.Text type="secondary">佐证材料 {e.fileIds.length} 份</Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: "录入", key: "created", render: (_, e) => `${e.createdBy.name} ${formatDateTime(e.createdAt)}` },
    {
      title: "状态",
      key: "status",
      render: (_, e) =>
        e.revokedAt ? (
          <Flex vertical>
            <Tag>已撤销</Tag>
            <Typography.Text type="secondary">{e.revokeReason}</Typography.Text>
          </Flex>
        ) : (
          <Tag color="green">有效</Tag>
        ),
    },
    {
      title: "操作",
      key: "actions",
      render: (_, e) =>
        e.abilities.revoke && (
          <Button size="small" danger onClick={() => setRevoking(e)}>
            撤销
          </Button>
        ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {list.data?.abilities.create && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            录入加减分
          </Button>
        </Flex>
      )}
      <ResponsiveTable<AssessmentEntryView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: (
            <Empty
              description={list.isError ? list.error.message : "暂无加减分：市级表彰、安全事故等在此录入。"}
            />
          ),
        }}
      />
      {creating && (
        <EntryDialog
          planId={planId}
          scheme={scheme}
          // The 督查室 sees every entry and alone enters a 一票否决; a department enters 加分 / 扣分.
          veto={list.data?.abilities.seeAll ?? false}
          onClose={() => setCreating(false)}
        />
      )}
      {revoking && (
        <ReasonDialog
          title={`撤销${revoking.unitName}的加减分`}
          okText="撤销"
          description={<p>撤销后该条不再计入考评，记录保留。</p>}
          loading={revoke.isPending}
          onSubmit={(reason) => revoke.mutate({ id: revoking.id, reason })}
          onClose={() => setRevoking(null)}
        />
      )}
    </Flex>
  );
}
