import type { Rectification } from "@duban/domain";
import { Button, Card, Form, Input, type UploadFile } from "antd";
import { useState } from "react";
import { notificationsKey } from "../../api/notifications";
import { rectificationsKey, submitRectification } from "../../api/rectifications";
import { useWrite } from "../../hooks/use-write";
import { EvidenceUpload, fileIdsOf, uploadFileOf } from "../reports/evidence-upload";

/** The unit's 整改情况: measures taken and evidence, sent to the verifier. */
export function RectificationSubmitForm({ item }: { item: Rectification }) {
  const [form] = Form.useForm<{ measures: string }>();
  const [files, setFiles] = useState<UploadFile[]>(() => item.files.map(uploadFileOf));
  const uploading = files.some((f) => f.status === "uploading");
  const submit = useWrite({
    mutationFn: (v: { measures: string }) =>
      submitRectification(item.id, {
        measures: v.measures.trim(),
        fileIds: fileIdsOf(files),
        version: item.version,
      }),
    success: "已提交整改情况，等待验收",
    refresh: rectificationsKey,
    also: [notificationsKey],
    form,
  });
  return (
    <Card size="small" title={item.status === "returned" ? "重新提交整改情况" : "提交整改情况"}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ measures: item.measures ?? "" }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item
          name="measures"
          label="整改措施"
          rules={[{ required: true, whitespace: true, message: "请填写整改措施" }]}
        >
          <Input.TextArea rows={5} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item label="佐证材料" extra="图片、PDF、Word、Excel，单个不超过 20 MB">
          <EvidenceUpload value={files} onChange={setFiles} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={uploading}>
          提交整改
        </Button>
      </Form>
    </Card>
  );
}
