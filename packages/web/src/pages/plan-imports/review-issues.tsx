import type { PlanDraftEdit } from "@duban/domain";
import { Alert } from "antd";
import { type FieldIssue, readableIssue } from "./issue-paths";

/** Props of the refused-fields alert. */
export interface ReviewIssuesProps {
  draft: PlanDraftEdit;
  issues: { message: string; items: FieldIssue[] };
  onClose: () => void;
}

/** The fields the server refused on save, each named by where it is in the plan. */
export function ReviewIssues({ draft, issues, onClose }: ReviewIssuesProps) {
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={issues.message}
      description={
        issues.items.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {issues.items.map((issue) => {
              const readable = readableIssue(draft, issue);
              return (
                <li key={issue.path}>
                  {readable.place}：{issue.message}{" "}
                  <code style={{ fontSize: 12, opacity: 0.6 }}>{issue.path}</code>
                </li>
              );
            })}
          </ul>
        )
      }
    />
  );
}
