import {
  type FormField,
  type FormSubmissionAction,
  type FormSubmissionEvent,
  type FormSubmissionStatus,
  formSubmissionStatusLabels,
} from "@duban/domain";
import { Descriptions, Tag, Timeline, Typography } from "antd";
import { fileUrl } from "../../api/execution";
import { formatDateTime } from "../../components/date-format";
import { fieldLabel } from "./field-input";

const statusColors: Record<FormSubmissionStatus, string> = {
  draft: "default",
  submitted: "processing",
  returned: "error",
  approved: "success",
};

/** A submission's state as a coloured tag: 未报送, 待审核, 已退回, 已通过. */
export function SubmissionStatusTag({ status }: { status: FormSubmissionStatus }) {
  return <Tag color={statusColors[status]}>{formSubmissionStatusLabels[status]}</Tag>;
}

/** One stored value as read: 是/否, the choices joined, "—" when empty. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.length ? value.join("、") : "—";
  return String(value);
}

/** The values of a submission, one field a line, read only. */
export function SubmissionValues({
  fields,
  values,
}: {
  fields: FormField[];
  values: Record<string, unknown>;
}) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={fields.map((f) => {
        const value = values[f.key];
        const file = f.type === "file" && typeof value === "string" && value !== "";
        return {
          key: f.key,
          label: fieldLabel(f),
          children: file ? (
            <a href={fileUrl(value, true)} target="_blank" rel="noreferrer">
              查看附件
            </a>
          ) : (
            valueText(value)
          ),
        };
      })}
    />
  );
}

const actionLabels: Record<FormSubmissionAction, string> = {
  saved: "保存草稿",
  submitted: "提交",
  returned: "退回",
  approved: "审核通过",
  imported: "Excel 导入",
};

/** 填报记录: who saved, submitted, returned (with the reason) or approved the submission, and when. */
export function SubmissionHistory({ history }: { history: FormSubmissionEvent[] }) {
  if (history.length === 0) return <Typography.Text type="secondary">暂无填报记录</Typography.Text>;
  return (
    <Timeline
      items={history.map((e) => ({
        key: e.id,
        color: e.action === "returned" ? "red" : e.action === "approved" ? "green" : "blue",
        content: (
          <>
            <div>
              {actionLabels[e.action]}
              <Typography.Text type="secondary">
                {" "}
                · {e.actor?.name ?? "系统"} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            {e.reason && <div>退回原因：{e.reason}</div>}
          </>
        ),
      }))}
    />
  );
}
