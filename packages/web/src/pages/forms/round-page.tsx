import { BellOutlined, DownloadOutlined, StopOutlined, UploadOutlined } from "@ant-design/icons";
import {
  type FormRound,
  type FormRoundUnit,
  type FormSubmissionStatus,
  formSubmissionStatuses,
  formSubmissionStatusLabels,
} from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Result,
  Segmented,
  Spin,
  Statistic,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { closeRound, formsKey, roundTemplateUrl, urgeRound, useFormRound } from "../../api/forms";
import { formatDate, formatDateTime } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useWrite } from "../../hooks/use-write";
import { ReviewDrawer } from "./review-drawer";
import { RoundImportDialog } from "./round-import-dialog";
import { SubmissionStatusTag } from "./submission-view";

type Filter = FormSubmissionStatus | "all";

/** 填报情况 of a round (`/form-rounds/:id`): who has filled, who is missing, 催报, review, Excel in and out. */
export function RoundPage() {
  const { id = "" } = useParams();
  const round = useFormRound(id);
  if (round.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (round.isError) return <Result status="warning" title={round.error.message} />;
  return <RoundView round={round.data} />;
}

function RoundView({ round }: { round: FormRound }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>("all");
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const { counts, abilities } = round;
  const missing = counts.draft + counts.returned;
  const urge = useMutation({
    mutationFn: () => urgeRound(round.id),
    onSuccess: (result) => {
      if (result.reminded > 0) message.success(result.message);
      else message.info(result.message);
      void queryClient.invalidateQueries({ queryKey: formsKey });
    },
    onError: (error) => message.error(error.message),
  });
  const close = useWrite({
    mutationFn: () => closeRound(round.id, round.version),
    success: "已结束本批次填报",
    refresh: formsKey,
  });
  const columns: TableColumnsType<FormRoundUnit> = [
    { title: "单位", key: "unit", render: (_, u) => u.unit.name },
    {
      title: "状态",
      key: "status",
      width: 150,
      render: (_, u) => (
        <Flex gap={4} wrap>
          <SubmissionStatusTag status={u.status} />
          {u.late && <Tag color="warning">逾期</Tag>}
          {u.urgedToday && <Tag>今日已催报</Tag>}
        </Flex>
      ),
    },
    {
      title: "提交时间",
      dataIndex: "submittedAt",
      width: 150,
      render: (at: string | null) => (at ? formatDateTime(at) : "—"),
    },
    {
      title: "操作",
      key: "actions",
      width: 90,
      render: (_, u) => (
        <Button size="small" type="link" onClick={() => setReviewing(u.submissionId)}>
          {u.status === "submitted" && abilities.review ? "审核" : "查看"}
        </Button>
      ),
    },
  ];
  const shown = filter === "all" ? round.units : round.units.filter((u) => u.status === filter);
  return (
    <>
      <Link to={`/forms/${round.form.id}`}>← {round.form.title}</Link>
      <PageHeader
        title={`${round.name} · 填报情况`}
        actions={
          <>
            {abilities.urge && (
              <Popconfirm
                title={`向 ${missing} 个未报送的单位发送催报？`}
                description="每个单位每天最多催报一次。"
                okText="发送"
                cancelText="取消"
                disabled={missing === 0}
                onConfirm={() => urge.mutateAsync()}
              >
                <Button
                  danger
                  type="primary"
                  icon={<BellOutlined />}
                  disabled={missing === 0}
                  loading={urge.isPending}
                >
                  一键催报
                </Button>
              </Popconfirm>
            )}
            <Button icon={<DownloadOutlined />} href={roundTemplateUrl(round.id)} download>
              下载模板
            </Button>
            {abilities.review && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                Excel 导入
              </Button>
            )}
            {abilities.close && (
              <Popconfirm
                title="结束本批次填报？"
                description="结束后各单位不能再填报或修改，已通过的数据作为最终数据。"
                okText="结束"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => close.mutateAsync(undefined)}
              >
                <Button icon={<StopOutlined />} loading={close.isPending}>
                  结束填报
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        截止 {formatDate(round.deadline)} · {round.status === "open" ? "填报中" : "已结束"}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={32}>
          <Statistic title="应报" value={counts.expected} />
          <Statistic title="已通过" value={counts.approved} />
          <Statistic title="待审核" value={counts.submitted} />
          <Statistic title="已退回" value={counts.returned} />
          <Statistic title="未报送" value={counts.draft} />
        </Flex>
      </Card>
      <Segmented<Filter>
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={setFilter}
        options={[
          { value: "all", label: "全部" },
          ...formSubmissionStatuses.map((s) => ({ value: s, label: formSubmissionStatusLabels[s] })),
        ]}
      />
      <ResponsiveTable<FormRoundUnit>
        rowKey="submissionId"
        size="middle"
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有这一状态的单位" />,
        }}
      />
      {reviewing && <ReviewDrawer submissionId={reviewing} onClose={() => setReviewing(null)} />}
      {importing && <RoundImportDialog roundId={round.id} onClose={() => setImporting(false)} />}
    </>
  );
}
