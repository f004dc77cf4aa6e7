import { DeleteOutlined, InboxOutlined, RollbackOutlined, SendOutlined } from "@ant-design/icons";
import type { Form as FormRecord, FormRoundSummary } from "@duban/domain";
import { Button, Card, Empty, Popconfirm, Result, Spin, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { changeFormArchive, deleteForm, formsKey, useForm } from "../../api/forms";
import { formatDate } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useWrite } from "../../hooks/use-write";
import { FormDesigner } from "./form-designer";
import { formStatusLabels } from "./forms-page";
import { SendRoundDialog } from "./send-round-dialog";

const roundColumns: TableColumnsType<FormRoundSummary> = [
  { title: "批次", key: "name", render: (_, r) => <Link to={`/form-rounds/${r.id}`}>{r.name}</Link> },
  { title: "截止日期", dataIndex: "deadline", width: 110, render: (d: string) => formatDate(d) },
  {
    title: "状态",
    dataIndex: "status",
    width: 80,
    render: (s: FormRoundSummary["status"]) =>
      s === "open" ? <Tag color="processing">填报中</Tag> : <Tag>已结束</Tag>,
  },
  {
    title: "已通过/应报",
    key: "counts",
    width: 110,
    render: (_, r) => `${r.counts.approved}/${r.counts.expected}`,
  },
  {
    title: "待审核",
    key: "submitted",
    width: 80,
    render: (_, r) => r.counts.submitted,
  },
];

/** A new form of a plan (`/plans/:planId/forms/new`). */
export function NewFormPage() {
  const { planId = "" } = useParams();
  return (
    <>
      <Link to={`/plans/${planId}/forms`}>← 数据填报</Link>
      <PageHeader title="新建填报表" />
      <FormDesigner planId={planId} form={null} />
    </>
  );
}

/** One form (`/forms/:id`): its design, 下发填报 and its rounds. */
export function FormPage() {
  const { id = "" } = useParams();
  const form = useForm(id);
  if (form.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (form.isError) return <Result status="warning" title={form.error.message} />;
  return <FormView form={form.data} />;
}

function FormView({ form }: { form: FormRecord }) {
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const remove = useWrite({
    mutationFn: () => deleteForm(form.id, form.version),
    success: "填报表已删除",
    refresh: formsKey,
    onDone: () => navigate(`/plans/${form.planId}/forms`, { replace: true }),
  });
  const archive = useWrite({
    mutationFn: (action: "archive" | "restore") => changeFormArchive(form.id, action, form.version),
    success: (saved) => (saved.status === "archived" ? "填报表已归档" : "填报表已恢复"),
    refresh: formsKey,
  });
  return (
    <>
      <Link to={`/plans/${form.planId}/forms`}>← 数据填报</Link>
      <PageHeader
        title={form.title}
        actions={
          <>
            <Tag color={form.status === "active" ? "processing" : "default"}>
              {formStatusLabels[form.status]}
            </Tag>
            {form.abilities.send && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)}>
                下发填报
              </Button>
            )}
            {form.abilities.archive && (
              <Popconfirm
                title="归档这张填报表？"
                description="归档后不在列表中显示，也不能再下发（含按周期自动发放）；已有的填报数据保留，可随时恢复。"
                okText="归档"
                cancelText="取消"
                onConfirm={() => archive.mutateAsync("archive")}
              >
                <Button icon={<InboxOutlined />} loading={archive.isPending}>
                  归档
                </Button>
              </Popconfirm>
            )}
            {form.abilities.restore && (
              <Button
                icon={<RollbackOutlined />}
                loading={archive.isPending}
                onClick={() => archive.mutate("restore")}
              >
                恢复
              </Button>
            )}
            {form.abilities.delete && (
              <Popconfirm
                title="删除这张填报表？"
                description="删除后不能恢复。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove.mutateAsync(undefined)}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Card size="small" title="填报批次" style={{ marginBottom: 16 }}>
        <ResponsiveTable<FormRoundSummary>
          rowKey="id"
          size="small"
          columns={roundColumns}
          dataSource={form.rounds}
          pagination={false}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="还没有下发。设计好字段后点击“下发填报”，选择填报单位和截止日期。"
              />
            ),
          }}
        />
      </Card>
      {/* Keyed by version, so a reload after a conflict starts from the newest definition. */}
      <FormDesigner key={form.version} planId={form.planId} form={form} />
      {sending && <SendRoundDialog form={form} onClose={() => setSending(false)} />}
    </>
  );
}
