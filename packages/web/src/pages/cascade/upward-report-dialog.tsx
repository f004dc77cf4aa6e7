import type { ReceivedHandDown, UpwardCompose } from "@duban/domain";
import { Alert, App, Checkbox, Descriptions, Divider, Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { cascadeKey } from "../../api/cascade";
import { submitUpwardReport, useUpwardCompose } from "../../api/cascade-upward";
import { LightTag } from "../../components/light-tag";
import { useWrite } from "../../hooks/use-write";
import { taskName } from "./hand-down-dialog";
import { UpwardReportList } from "./upward-report-list";

interface Values {
  text: string;
  fileIds: string[];
}

/** The form: the summary prefilled from the approved reports, and the approved reports' files to choose from. */
function ComposeForm({
  compose,
  form,
  onFinish,
}: {
  compose: UpwardCompose;
  form: ReturnType<typeof Form.useForm<Values>>[0];
  onFinish: (v: Values) => void;
}) {
  const draft = compose.draft!;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ text: draft.text, fileIds: [] }}
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="审核通过的进度">
          {draft.progress === null ? "—" : `${draft.progress}%`}
        </Descriptions.Item>
        <Descriptions.Item label="亮灯">
          <LightTag light={draft.light} />
        </Descriptions.Item>
      </Descriptions>
      <Form.Item
        name="text"
        label="报送内容"
        rules={[{ required: true, whitespace: true, message: "请填写报送内容" }]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="fileIds" label="附上佐证材料（只列出审核通过的反馈中的文件）">
        {draft.files.length === 0 ? (
          <Typography.Text type="secondary">本任务审核通过的反馈中没有佐证材料</Typography.Text>
        ) : (
          <Checkbox.Group style={{ display: "flex", flexDirection: "column", gap: 4 }}>
            {draft.files.map((f) => (
              <Checkbox key={f.id} value={f.id}>
                {`${f.filename}（${f.report.unit} · ${f.report.cycle}）`}
              </Checkbox>
            ))}
          </Checkbox.Group>
        )}
      </Form.Item>
    </Form>
  );
}

/**
 * 向上报送 on a linked hand-down: what the superior will read (the text, the approved progress, the chosen files),
 * confirmed before it is sent, and the reports sent before.
 */
export function UpwardReportDialog({
  item,
  onClose,
}: {
  item: ReceivedHandDown | null;
  onClose: () => void;
}) {
  const { modal } = App.useApp();
  const compose = useUpwardCompose(item?.id ?? null);
  const [form] = Form.useForm<Values>();
  const data = compose.data;
  useEffect(() => {
    if (data?.draft) form.setFieldsValue({ text: data.draft.text, fileIds: [] });
  }, [data, form]);
  const write = useWrite({
    mutationFn: (v: Values) =>
      submitUpwardReport(item!.id, { version: data!.version, text: v.text, fileIds: v.fileIds }),
    success: "已向上级报送",
    refresh: cascadeKey,
    form,
    onDone: onClose,
  });
  const canSend = !!data?.abilities.submit && !!data.draft;
  const confirm = () =>
    form.validateFields().then((v) => {
      modal.confirm({
        title: "确认向上报送？",
        content: `${item!.from.name}将看到报送内容、审核通过的进度${v.fileIds.length ? `和所选 ${v.fileIds.length} 个附件` : ""}。报送后不能撤回。`,
        okText: "确认报送",
        onOk: () => write.mutateAsync(v),
      });
    });
  return (
    <Modal
      title={item ? `向上报送：${taskName(item.superiorNode)} ${item.title}` : "向上报送"}
      open={!!item}
      width={720}
      okText="报送"
      okButtonProps={{ disabled: !canSend }}
      onOk={() => void confirm().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={write.isPending}
      destroyOnHidden
    >
      {data && !data.draft && <Alert type="info" showIcon title="请先接收并关联到本局的任务，再向上报送" />}
      {data?.draft &&
        (data.abilities.submit ? (
          <ComposeForm compose={data} form={form} onFinish={(v) => write.mutate(v)} />
        ) : null)}
      <Divider plain>已报送</Divider>
      <UpwardReportList reports={data?.reports ?? []} empty="尚未向上报送" />
    </Modal>
  );
}
