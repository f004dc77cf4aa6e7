import {
  type AssessmentAppealView,
  type AssessmentResultView,
  type AssessmentView,
  assessmentAppealStatusLabels,
} from "@duban/domain";
import { Button, Empty, Flex, Form, Modal, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { assessmentsKey, decideAssessmentAppeal, useAssessmentAppeals } from "../../api/assessments";
import { formatDateTime } from "../../components/date-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { useWrite } from "../../hooks/use-write";
import { AdjustmentFields } from "./adjustment-fields";
import { ReasonDialog } from "./reason-dialog";

const appealColors = { pending: "orange", accepted: "green", rejected: "default" } as const;

/** An appeal's status as a tag. */
export function AppealStatusTag({ appeal }: { appeal: AssessmentAppealView }) {
  return <Tag color={appealColors[appeal.status]}>{assessmentAppealStatusLabels[appeal.status]}</Tag>;
}

/** 申诉 of a run: each unit's appeal with its reason; the 督查室 accepts (with an adjustment) or rejects with a reason. */
export function AppealsPanel({ run, results }: { run: AssessmentView; results: AssessmentResultView[] }) {
  const { paging, pagination } = useTablePaging();
  const appeals = useAssessmentAppeals(run.id, paging);
  const [accepting, setAccepting] = useState<AssessmentAppealView | null>(null);
  const [rejecting, setRejecting] = useState<AssessmentAppealView | null>(null);
  const [form] = Form.useForm<{ itemKey: string; points: number; reason: string }>();
  const decide = useWrite({
    mutationFn: ({ id, ...input }: Parameters<typeof decideAssessmentAppeal>[1] & { id: string }) =>
      decideAssessmentAppeal(id, input),
    success: (appeal) => (appeal.status === "accepted" ? "已采纳，排名已重新计算" : "已答复不采纳"),
    refresh: assessmentsKey,
    form,
    onDone: () => {
      setAccepting(null);
      setRejecting(null);
    },
  });
  const acceptingResult = accepting && results.find((r) => r.unitId === accepting.unitId);
  const columns: TableColumnsType<AssessmentAppealView> = [
    { title: "单位", dataIndex: "unitName" },
    { title: "申诉理由", dataIndex: "reason" },
    { title: "提交时间", key: "createdAt", render: (_, a) => formatDateTime(a.createdAt) },
    {
      title: "状态",
      key: "status",
      render: (_, a) => (
        <Flex vertical>
          <AppealStatusTag appeal={a} />
          {a.decisionReason && <Typography.Text type="secondary">{a.decisionReason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: "操作",
      key: "actions",
      render: (_, a) =>
        run.abilities.decide &&
        a.status === "pending" && (
          <Flex gap={8}>
            <Button size="small" type="primary" onClick={() => setAccepting(a)}>
              采纳
            </Button>
            <Button size="small" danger onClick={() => setRejecting(a)}>
              不采纳
            </Button>
          </Flex>
        ),
    },
  ];
  return (
    <>
      <ResponsiveTable<AssessmentAppealView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={appeals.data?.items}
        loading={appeals.isFetching}
        pagination={pagination(appeals.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={appeals.isError ? appeals.error.message : "暂无申诉"} /> }}
      />
      {accepting && acceptingResult && (
        <Modal
          open
          title={`采纳${accepting.unitName}的申诉`}
          okText="采纳并调整"
          cancelText="取消"
          okButtonProps={{ loading: decide.isPending }}
          onOk={() => form.submit()}
          onCancel={() => setAccepting(null)}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">申诉理由：{accepting.reason}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={({ itemKey, points, reason }) =>
              decide.mutate({ id: accepting.id, decision: "accept", reason, adjustment: { itemKey, points } })
            }
          >
            <AdjustmentFields result={acceptingResult} reasonLabel="答复意见" />
          </Form>
        </Modal>
      )}
      {rejecting && (
        <ReasonDialog
          title={`不采纳${rejecting.unitName}的申诉`}
          okText="不采纳"
          description={
            <Typography.Paragraph type="secondary">申诉理由：{rejecting.reason}</Typography.Paragraph>
          }
          loading={decide.isPending}
          onSubmit={(reason) => decide.mutate({ id: rejecting.id, decision: "reject", reason })}
          onClose={() => setRejecting(null)}
        />
      )}
    </>
  );
}
