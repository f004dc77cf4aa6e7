import type { Notice } from "@duban/domain";
import { Button, Card, Form, Input, type UploadFile } from "antd";
import { useState } from "react";
import { noticesKey, replyNotice } from "../../api/notices";
import { notificationsKey } from "../../api/notifications";
import { useWrite } from "../../hooks/use-write";
import { EvidenceUpload, fileIdsOf } from "../reports/evidence-upload";

interface Values {
  text: string;
  measures?: string;
}

/** The responsible unit's reply to a 督办单: 办理情况, measures taken, evidence. */
export function NoticeReplyForm({ notice }: { notice: Notice }) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const uploading = files.some((f) => f.status === "uploading");
  const reply = useWrite({
    mutationFn: (v: Values) =>
      replyNotice(notice.id, {
        text: v.text.trim(),
        measures: v.measures?.trim() ?? "",
        fileIds: fileIdsOf(files),
      }),
    success: "已回复，等待督查室审核",
    refresh: noticesKey,
    also: [notificationsKey],
    form,
    onDone: () => {
      form.resetFields();
      setFiles([]);
    },
  });
  return (
    <Card size="small" title={notice.status === "returned" ? "重新回复" : "回复督办单"}>
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
        <Form.Item label="佐证材料" extra="图片、PDF、Word、Excel，单个不超过 20 MB">
          <EvidenceUpload value={files} onChange={setFiles} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={reply.isPending} disabled={uploading}>
          回复
        </Button>
      </Form>
    </Card>
  );
}
