import { type AssessmentView, assessmentStatusLabels } from "@duban/domain";
import { Alert, Button, DatePicker, Empty, Flex, Modal, Popconfirm, type TableColumnsType, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useNavigate } from "react-router";
import {
  assessmentsKey,
  createAssessment,
  deleteAssessment,
  usePlanAssessments,
} from "../../api/assessments";
import { formatDate, formatDateTime } from "../../components/date-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { useWrite } from "../../hooks/use-write";

const statusColors = { draft: "default", published: "blue", finalised: "green" } as const;

/** A run's status as a tag; a trial run is always 试评. */
export function RunStatusTag({ run }: { run: AssessmentView }) {
  if (!run.final) return <Tag>试评</Tag>;
  return <Tag color={statusColors[run.status]}>{assessmentStatusLabels[run.status]}</Tag>;
}

/** 考评批次 of a plan: 预览（按今天试评）, 正式考评 (locks the scheme), and the runs so far, newest first. */
export function RunsPanel({ planId }: { planId: string }) {
  const navigate = useNavigate();
  const { paging, pagination } = useTablePaging();
  const list = usePlanAssessments(planId, paging);
  const [formal, setFormal] = useState(false);
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const runsKey = [...assessmentsKey, "runs", planId];
  const create = useWrite({
    mutationFn: (input: { asOf: string; final: boolean }) => createAssessment(planId, input),
    success: "已完成考评计算",
    refresh: runsKey,
    also: [[...assessmentsKey, "scheme", planId]],
    onDone: ({ id }) => navigate(`/assessments/${id}`),
  });
  const remove = useWrite({
    mutationFn: (run: AssessmentView) => deleteAssessment(run.id, run.version),
    success: "试评已删除",
    refresh: runsKey,
  });
  const columns: TableColumnsType<AssessmentView> = [
    { title: "考评基准日", key: "asOf", render: (_, r) => formatDate(r.asOf) },
    { title: "状态", key: "status", render: (_, r) => <RunStatusTag run={r} /> },
    { title: "参评单位", dataIndex: "unitCount" },
    {
      title: "申诉",
      key: "appeals",
      render: (_, r) =>
        r.appealUntil
          ? `截至 ${formatDate(r.appealUntil)}${r.pendingAppeals ? `，待处理 ${r.pendingAppeals}` : ""}`
          : "",
    },
    { title: "计算时间", key: "createdAt", render: (_, r) => formatDateTime(r.createdAt) },
    {
      title: "操作",
      key: "actions",
      render: (_, r) => (
        <Flex gap={8}>
          <Button size="small" type="link" onClick={() => navigate(`/assessments/${r.id}`)}>
            查看排名
          </Button>
          {r.abilities.delete && (
            <Popconfirm
              title="删除试评"
              description="删除后不能恢复。确定删除这次试评吗？"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove.mutate(r)}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {list.data?.abilities.run && (
        <Flex wrap gap={8} justify="flex-end">
          <Button
            loading={create.isPending && !formal}
            onClick={() => create.mutate({ asOf: dayjs().format("YYYY-MM-DD"), final: false })}
          >
            预览（按今天试评）
          </Button>
          <Button type="primary" onClick={() => setFormal(true)}>
            正式考评
          </Button>
        </Flex>
      )}
      <ResponsiveTable<AssessmentView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        onRow={(r) => ({ onClick: () => navigate(`/assessments/${r.id}`) })}
        locale={{
          emptyText: (
            <Empty description={list.isError ? list.error.message : "尚未考评：可先按今天试评预览排名。"} />
          ),
        }}
      />
      {formal && (
        <Modal
          open
          title="正式考评"
          okText="开始正式考评"
          cancelText="取消"
          okButtonProps={{ loading: create.isPending }}
          onOk={() =>
            create.mutate(
              { asOf: asOf.format("YYYY-MM-DD"), final: true },
              { onSettled: () => setFormal(false) },
            )
          }
          onCancel={() => setFormal(false)}
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="正式考评将冻结基准日的数据，并锁定考评方案，之后方案不能再修改。"
          />
          <Flex align="center" gap={8}>
            <span>考评基准日</span>
            <DatePicker
              aria-label="考评基准日"
              allowClear={false}
              value={asOf}
              onChange={(d) => d && setAsOf(d)}
            />
          </Flex>
        </Modal>
      )}
    </Flex>
  );
}
