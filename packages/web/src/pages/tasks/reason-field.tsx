import { Form, Input } from "antd";

/** 修改原因: every 分解 edit after publishing says why; it shows in 变更记录. */
export function ReasonField() {
  return (
    <Form.Item
      name="reason"
      label="修改原因"
      rules={[{ required: true, whitespace: true, message: "请说明修改原因" }]}
    >
      <Input.TextArea rows={2} maxLength={500} showCount />
    </Form.Item>
  );
}
