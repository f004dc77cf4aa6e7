import type { Report } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { isApiError } from "../../api/client";
import { executionKey, reviewReport } from "../../api/execution";
import { plansKey } from "../../api/plans";

/** 通过 / 退回 of a submitted report; a clash with another reviewer shows the server's message and refetches. */
export function ReviewActions({ report }: { report: Report }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: executionKey });
    void queryClient.invalidateQueries({ queryKey: plansKey });
  };
  const review = useMutation({
    mutationFn: (input: { decision: "approve" | "return"; reason?: string }) =>
      reviewReport(report.id, { ...input, version: report.version }),
    onSuccess: (_, input) => {
      message.success(input.decision === "approve" ? "已通过" : "已退回");
      setReturning(false);
      refresh();
    },
    onError: (error) => {
      message.error(error.message);
      if (isApiError(error, "stale_version", "conflict")) {
        setReturning(false);
        refresh();
      }
    },
  });
  return (
    <Space>
      <Button
        type="primary"
        loading={review.isPending && review.variables?.decision === "approve"}
        onClick={() => review.mutate({ decision: "approve" })}
      >
        通过
      </Button>
      <Button danger onClick={() => setReturning(true)}>
        退回
      </Button>
      <Modal
        title={`退回 ${report.unit.name} 的填报`}
        open={returning}
        okText="确认退回"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={review.isPending}
        onOk={() => form.submit()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) => review.mutate({ decision: "return", reason: reason.trim() })}
        >
          <Form.Item
            name="reason"
            label="退回原因"
            rules={[{ required: true, whitespace: true, message: "请填写退回原因，告诉对方需要修改什么" }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
