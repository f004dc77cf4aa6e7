import {
  type CascadeNotice,
  type CascadeNoticeStatus,
  cascadeNoticeStatuses,
  cascadeNoticeStatusLabels,
} from "@duban/domain";
import {
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import {
  cascadeNoticeDocumentUrl,
  cascadeNoticesKey,
  replyCascadeNotice,
  useReceivedNotice,
  useReceivedNotices,
} from "../../api/cascade-notices";
import { notificationsKey } from "../../api/notifications";
import { NoticeLevelTag, NoticeStatusTag } from "../../components/notice-tags";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { useWrite } from "../../hooks/use-write";
import { CascadeNoticeEvents } from "./cascade-notice-events";
import { taskName } from "./hand-down-dialog";

interface ReplyValues {
  text: string;
  measures?: string;
}

/** A superior's 督办单 with its history and, for the 督查室 while it waits for an answer, the reply form. */
function NoticeDialog({ notice, onClose }: { notice: CascadeNotice; onClose: () => void }) {
  const [form] = Form.useForm<ReplyValues>();
  const reply = useWrite({
    mutationFn: (v: ReplyValues) =>
      replyCascadeNotice(notice.id, {
        version: notice.version,
        text: v.text.trim(),
        measures: v.measures?.trim() ?? "",
      }),
    success: `已回复${notice.from.name}，等待上级审核`,
    refresh: cascadeNoticesKey,
    also: [notificationsKey],
    form,
    onDone: onClose,
  });
  const replying = notice.abilities.reply;
  return (
    <Modal
      open
      width={640}
      title={`上级督办单：${taskName(notice.item)}`}
      okText={notice.status === "returned" ? "重新回复" : "回复"}
      cancelText={replying ? "取消" : "关闭"}
      okButtonProps={{ style: replying ? undefined : { display: "none" } }}
      confirmLoading={reply.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={2}
        style={{ marginBottom: 12 }}
        items={[
          { key: "from", label: "下发机关", children: notice.from.name },
          { key: "number", label: "文号", children: notice.documentNumber ?? "—" },
          { key: "level", label: "督办等级", children: <NoticeLevelTag level={notice.level} /> },
          { key: "due", label: "回复时限", children: notice.replyDue },
        ]}
      />
      <Typography.Paragraph>
        <a href={cascadeNoticeDocumentUrl(notice)} download>
          下载督办通知单（Word）
        </a>
      </Typography.Paragraph>
      <CascadeNoticeEvents events={notice.events} />
      {replying && (
        <Form form={form} layout="vertical" onFinish={(v) => reply.mutate(v)}>
          <Form.Item
            name="text"
            label="办理情况"
            rules={[{ required: true, whitespace: true, message: "请填写办理情况" }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="measures" label="整改措施">
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** 上级督办: the 督办单 superiors addressed to the bureau, to read and answer. */
export function ReceivedNoticesTab() {
  const { paging, pagination } = useTablePaging();
  const [status, setStatus] = useState<CascadeNoticeStatus>();
  const list = useReceivedNotices(paging, status);
  // The open notice is in the address (`?notice=`), where a notification points.
  const [params, setParams] = useSearchParams();
  const openId = params.get("notice");
  const setOpenId = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set("notice", id);
        else next.delete("notice");
        return next;
      },
      { replace: true },
    );
  const one = useReceivedNotice(openId);
  const open = one.data?.id === openId ? one.data : null;
  const columns: TableColumnsType<CascadeNotice> = [
    { title: "上级教育局", key: "from", width: 140, render: (_, n) => n.from.name },
    { title: "文号", dataIndex: "documentNumber", width: 140, render: (v: string | null) => v ?? "—" },
    { title: "等级", key: "level", width: 100, render: (_, n) => <NoticeLevelTag level={n.level} /> },
    {
      title: "督办事项",
      key: "item",
      render: (_, n) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, maxWidth: 420 }}>
          <b>{taskName(n.item)}</b> {n.reason}
        </Typography.Paragraph>
      ),
    },
    { title: "回复时限", dataIndex: "replyDue", width: 110 },
    { title: "状态", key: "status", width: 100, render: (_, n) => <NoticeStatusTag status={n.status} /> },
    {
      title: "操作",
      key: "actions",
      width: 100,
      render: (_, n) => (
        <Button size="small" type={n.abilities.reply ? "primary" : "default"} onClick={() => setOpenId(n.id)}>
          {n.abilities.reply ? "回复" : "查看"}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder="全部状态"
          value={status}
          onChange={setStatus}
          options={cascadeNoticeStatuses.map((s) => ({ value: s, label: cascadeNoticeStatusLabels[s] }))}
        />
      </Flex>
      <ResponsiveTable<CascadeNotice>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        locale={{ emptyText: <Empty description="暂无上级教育局的督办单" /> }}
      />
      {open && <NoticeDialog notice={open} onClose={() => setOpenId(null)} />}
    </>
  );
}
