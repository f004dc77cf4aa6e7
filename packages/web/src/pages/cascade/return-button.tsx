import type { ReceivedHandDown } from "@duban/domain";
import { Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { cascadeKey, returnReceived } from "../../api/cascade";
import { useWrite } from "../../hooks/use-write";

/** 退回 a received hand-down, with the reason the superior will read. */
export function ReturnButton({ item }: { item: ReceivedHandDown }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const write = useWrite({
    mutationFn: (v: { reason: string }) =>
      returnReceived(item.id, { version: item.version, reason: v.reason }),
    success: "已退回上级",
    refresh: cascadeKey,
    form,
    onDone: () => setOpen(false),
  });
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        退回
      </Button>
      <Modal
        title="退回上级下达的任务"
        open={open}
        okText="确认退回"
        okButtonProps={{ danger: true }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={write.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => write.mutate(v)}>
          <Form.Item name="reason" label="退回理由" rules={[{ required: true, message: "请填写退回理由" }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
