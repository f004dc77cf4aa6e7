import { type NoticeCreateInput, noticeLevelLabels, noticeLevels } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, DatePicker, Form, type FormInstance, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import { createNotice, noticesKey } from "../../api/notices";
import { optionsOf } from "../../components/select-options";
import { useErrorHandler } from "../../hooks/use-error-handler";

/** The open 督办单 of the same level the server warned about, with its message. */
export interface RepeatedNotice {
  id: string;
  message: string;
}

/**
 * Raises a 督办单 through `POST /api/notices`. When the server answers that the unit already has an open one of
 * that level (409 with `openNoticeId`), `repeat` holds it and the next submit sends `allowDuplicate` (仍要下发);
 * other errors go to the form's fields or a message.
 */
export function useRaiseNotice(form: FormInstance, onRaised: () => void) {
  const queryClient = useQueryClient();
  const onError = useErrorHandler(noticesKey);
  const [repeat, setRepeat] = useState<RepeatedNotice | null>(null);
  const submit = useMutation({
    mutationFn: (input: Omit<NoticeCreateInput, "allowDuplicate">) =>
      createNotice({ ...input, ...(repeat ? { allowDuplicate: true } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: noticesKey });
      onRaised();
    },
    onError: (error) => {
      const openId = (error as { details?: { openNoticeId?: unknown } }).details?.openNoticeId;
      if (isApiError(error, "conflict") && typeof openId === "string")
        setRepeat({ id: openId, message: error.message });
      else onError(error, form);
    },
  });
  return { submit, repeat, clearRepeat: () => setRepeat(null) };
}

/** The server's warning about an open 督办单 of the same level, linking to it. */
export function RepeatedNoticeAlert({ repeat }: { repeat: RepeatedNotice | null }) {
  if (!repeat) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={repeat.message}
      description={<Link to={`/notices/${repeat.id}`}>查看未办结的督办单</Link>}
    />
  );
}

/** The 督办单's terms: level, 督办事由 and 回复时限 (`disabledDate` greys out the days that cannot be picked). */
export function NoticeTermsFields({ disabledDate }: { disabledDate?: (day: Dayjs) => boolean }) {
  return (
    <>
      <Form.Item name="level" label="督办等级" rules={[{ required: true }]}>
        <Select options={optionsOf(noticeLevels, noticeLevelLabels)} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="督办事由"
        rules={[{ required: true, whitespace: true, message: "请填写督办事由" }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="replyDue" label="回复时限" rules={[{ required: true, message: "请选择回复时限" }]}>
        <DatePicker style={{ width: "100%" }} {...(disabledDate ? { disabledDate } : {})} />
      </Form.Item>
    </>
  );
}
