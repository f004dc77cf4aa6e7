import type { DraftMilestone } from "@duban/domain";
import { AutoComplete, Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { hedgeOptions, planDateRule } from "./target-form-modal";

interface MilestoneFields {
  title: string;
  deadline: string;
  hedge: string;
}

/** Props of the milestone form. */
export interface MilestoneFormModalProps {
  milestone: DraftMilestone | null;
  readOnly?: boolean;
  onSave: (milestone: DraftMilestone) => void;
  onClose: () => void;
}

/** Adds or edits a dated milestone: what is achieved, by when, how firmly. */
export function MilestoneFormModal({ milestone, readOnly, onSave, onClose }: MilestoneFormModalProps) {
  const [form] = Form.useForm<MilestoneFields>();

  useEffect(() => {
    if (!milestone) return;
    form.setFieldsValue({
      title: milestone.title,
      deadline: milestone.deadline ?? "",
      hedge: milestone.hedge ?? "",
    });
  }, [milestone, form]);

  return (
    <Modal
      open={milestone !== null}
      title={milestone?.title ? "编辑节点" : "添加节点"}
      okText="保存"
      onOk={() => form.submit()}
      okButtonProps={{ disabled: readOnly }}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        disabled={readOnly}
        onFinish={(values) =>
          milestone &&
          onSave({
            ...milestone,
            title: values.title.trim(),
            deadline: values.deadline?.trim() || null,
            hedge: values.hedge?.trim() || null,
          })
        }
      >
        {milestone?.text && <Form.Item label="原文">{milestone.text}</Form.Item>}
        <Form.Item
          name="title"
          label="节点名称"
          rules={[{ required: true, whitespace: true, message: "请填写节点名称" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="deadline" label="时限" rules={[planDateRule]}>
          <Input placeholder="YYYY、YYYY-MM 或 YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="hedge" label="表述">
          <AutoComplete options={hedgeOptions} placeholder="确保、力争、争取…" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
