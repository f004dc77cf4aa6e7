import type { PlanTreeNode } from "@duban/domain";
import { Form, Input, Modal, type UploadFile } from "antd";
import { useState } from "react";
import { requestClose } from "../../api/decompose";
import { EvidenceUpload, fileIdsOf } from "../reports/evidence-upload";
import { useTaskWrite } from "./use-task-write";

/** 申请办结: the lead department sums up the task and attaches the final evidence for the supervisor. */
export function CloseRequestDialog({ node, onClose }: { node: PlanTreeNode; onClose: () => void }) {
  const [form] = Form.useForm<{ summary: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const uploading = files.some((f) => f.status === "uploading");
  const submit = useTaskWrite({
    mutationFn: (values: { summary: string }) =>
      requestClose(node.id, {
        summary: values.summary.trim(),
        fileIds: fileIdsOf(files),
        version: node.version,
      }),
    success: "已提交办结申请，等待督查室确认",
    form,
    onDone: onClose,
  });
  return (
    <Modal
      title={`申请办结：${node.title}`}
      open
      okText="提交办结申请"
      cancelText="取消"
      okButtonProps={{ disabled: uploading }}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => submit.mutate(values)}>
        <Form.Item
          name="summary"
          label="办结情况"
          rules={[{ required: true, whitespace: true, message: "请填写办结情况" }]}
        >
          <Input.TextArea rows={5} maxLength={10000} showCount placeholder="任务完成情况、取得的成效" />
        </Form.Item>
        <Form.Item label="佐证材料" extra="图片、PDF、Word、Excel，单个不超过 20 MB">
          <EvidenceUpload value={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
