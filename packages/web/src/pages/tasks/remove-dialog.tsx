import type { Assignment } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal } from "antd";
import { executionKey, removeAssignment } from "../../api/execution";
import { plansKey } from "../../api/plans";
import { useErrorHandler } from "../../hooks/use-error-handler";

/** 撤销 an assignment with a reason; it stays in the history. */
export function RemoveDialog({
  assignment,
  onClose,
}: {
  assignment: Assignment | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const onError = useErrorHandler(executionKey);
  const remove = useMutation({
    mutationFn: ({ reason }: { reason: string }) =>
      removeAssignment(assignment!.id, { reason, version: assignment!.version }),
    onSuccess: () => {
      message.success("已撤销交办");
      void queryClient.invalidateQueries({ queryKey: executionKey });
      void queryClient.invalidateQueries({ queryKey: plansKey });
      onClose();
    },
    onError: (error) => onError(error, form),
  });
  return (
    <Modal
      title={`撤销交办：${assignment?.unit.name ?? ""}`}
      open={assignment !== null}
      okText="确认撤销"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={remove.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => remove.mutate(values)}>
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[{ required: true, whitespace: true, message: "请填写撤销原因" }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
