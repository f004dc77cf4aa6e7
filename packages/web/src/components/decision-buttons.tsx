import { limits } from "@duban/domain";
import { App, Button, Form, type FormInstance, Input, Modal, Space } from "antd";
import { useState } from "react";

/** A decision with the reason a refusal must carry. */
export interface Decision {
  accept: boolean;
  reason?: string;
}

/** The fields of the decision dialog. */
export interface DecisionFields {
  reason?: string;
}

/** A yes/no question asked before accepting, e.g. 确认销号？ */
export interface AcceptConfirmation {
  title: string;
  content: string;
  okText: string;
}

/** How accepting goes: a dialog with an optional opinion, at once, or after a yes/no question. */
export type AcceptStep = "opinion" | "immediate" | AcceptConfirmation;

/** What the send-back dialog says, where the defaults (“退回：subject”, 理由) do not fit the record. */
export interface ReturnDialogTexts {
  title: string;
  okText: string;
  reasonLabel: string;
  /** Shown when the reason is left empty: it says what the other side needs to hear. */
  reasonRequired: string;
}

/** Props of {@link DecisionButtons}. */
export interface DecisionButtonsProps {
  acceptLabel: string;
  returnLabel: string;
  subject: string;
  /** Shows both buttons busy; without it, only the decision in flight shows busy. */
  loading?: boolean;
  size?: "small" | "middle";
  accept?: AcceptStep;
  returnDialog?: ReturnDialogTexts;
  /** The dialog's form, for a caller that puts the server's field errors on the reason. */
  form?: FormInstance<DecisionFields>;
  /** Sends the decision; the dialog closes when it resolves and stays open (reason kept) when it rejects. */
  onDecide: (decision: Decision) => Promise<unknown>;
}

/**
 * Accept / send back: sending back always asks for a reason (公文 practice: a return says why, so the unit knows
 * what to fix); accepting goes as `accept` says, by default through a dialog with an optional opinion.
 */
export function DecisionButtons({
  acceptLabel,
  returnLabel,
  subject,
  loading = false,
  size,
  accept = "opinion",
  returnDialog,
  form: givenForm,
  onDecide,
}: DecisionButtonsProps) {
  const { modal } = App.useApp();
  const [mode, setMode] = useState<"accept" | "return" | null>(null);
  const [pending, setPending] = useState<"accept" | "return" | null>(null);
  const [form] = Form.useForm<DecisionFields>(givenForm);
  const close = () => {
    setMode(null);
    form.resetFields();
  };
  // Errors are the caller's to show (its mutation says what went wrong); here they only keep the dialog open.
  const decide = async (decision: Decision): Promise<boolean> => {
    setPending(decision.accept ? "accept" : "return");
    try {
      await onDecide(decision);
      return true;
    } catch {
      return false;
    } finally {
      setPending(null);
    }
  };
  const finish = async (values: DecisionFields) => {
    if (await decide({ accept: mode === "accept", reason: values.reason?.trim() || undefined })) close();
  };
  const startAccept = () => {
    if (accept === "opinion") setMode("accept");
    else if (accept === "immediate") void decide({ accept: true });
    else
      modal.confirm({
        title: accept.title,
        content: accept.content,
        okText: accept.okText,
        cancelText: "取消",
        // Resolves either way, so the question closes; a failure was already shown by the caller.
        onOk: () => decide({ accept: true }),
      });
  };
  const returning = mode === "return";
  const texts: ReturnDialogTexts = returning
    ? {
        title: `${returnLabel}：${subject}`,
        okText: `确定${returnLabel}`,
        reasonLabel: "理由",
        reasonRequired: "请填写理由",
        ...returnDialog,
      }
    : {
        title: `${acceptLabel}：${subject}`,
        okText: `确定${acceptLabel}`,
        reasonLabel: "意见（可选）",
        reasonRequired: "",
      };
  return (
    <>
      <Space wrap>
        <Button type="primary" size={size} loading={loading || pending === "accept"} onClick={startAccept}>
          {acceptLabel}
        </Button>
        <Button danger size={size} loading={loading} onClick={() => setMode("return")}>
          {returnLabel}
        </Button>
      </Space>
      <Modal
        open={mode !== null}
        title={texts.title}
        okText={texts.okText}
        cancelText="取消"
        okButtonProps={{ danger: returning }}
        confirmLoading={loading || pending !== null}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void finish(values)}>
          <Form.Item
            name="reason"
            label={texts.reasonLabel}
            rules={returning ? [{ required: true, whitespace: true, message: texts.reasonRequired }] : []}
          >
            <Input.TextArea rows={3} maxLength={limits.textMax} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
