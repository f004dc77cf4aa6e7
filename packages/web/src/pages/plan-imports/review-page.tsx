import type { PlanImport } from "@duban/domain";
import { Alert, Button, Flex, Result, Spin, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { usePlanImport } from "../../api/plans";
import { PageHeader } from "../../components/page-header";
import { countNodes, describeCounts } from "./draft-ops";
import { HeaderFields } from "./header-fields";
import { PastYearDialog } from "./past-year-dialog";
import { ReviewIssues } from "./review-issues";
import { ReviewWorkspace } from "./review-workspace";
import { useDraftEditor } from "./use-draft-editor";
import { useReviewActions } from "./use-review-actions";
import { useUnsavedGuard } from "./use-unsaved-guard";

/** The review screen of an import (`/plan-imports/:id`). */
export function ReviewPage() {
  const { id = "" } = useParams();
  const query = usePlanImport(id);
  if (query.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (query.isError) return <Result status="warning" title={query.error.message} />;
  // Keyed by id, so opening another import starts from its own draft.
  return <ReviewEditor key={query.data.id} planImport={query.data} />;
}

const statusNotes: Record<PlanImport["status"], string | null> = {
  reviewing: null,
  published: "这份草稿已发布。",
  discarded: "这份草稿已放弃。",
};

function ReviewEditor({ planImport }: { planImport: PlanImport }) {
  const editor = useDraftEditor(planImport);
  const actions = useReviewActions(planImport, editor);
  useUnsavedGuard(editor.dirtyRef, editor.dirty);
  const readOnly = !planImport.abilities.update;
  const { draft } = editor;

  return (
    <>
      <PageHeader
        title="审核计划"
        actions={
          !readOnly && (
            <>
              <Button onClick={actions.discard} loading={actions.busy === "discard"} danger>
                放弃
              </Button>
              <Button
                onClick={() => void actions.save()}
                loading={actions.busy === "save"}
                disabled={!editor.dirty}
              >
                保存草稿
              </Button>
              {planImport.abilities.publish && (
                <Button type="primary" onClick={actions.publish} loading={actions.busy === "publish"}>
                  发布
                </Button>
              )}
            </>
          )
        }
      />
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {statusNotes[planImport.status] && (
          <Alert
            type="info"
            showIcon
            title={statusNotes[planImport.status]}
            action={planImport.planId && <Link to={`/plans/${planImport.planId}`}>查看计划</Link>}
          />
        )}
        {planImport.duplicateOf && (
          <Alert
            type="warning"
            showIcon
            title={
              planImport.duplicateOf.kind === "plan"
                ? `该文档已发布为《${planImport.duplicateOf.title}》`
                : `该文档已在另一份草稿《${planImport.duplicateOf.title}》中审核`
            }
            action={
              <Link
                to={
                  planImport.duplicateOf.kind === "plan"
                    ? `/plans/${planImport.duplicateOf.id}`
                    : `/plan-imports/${planImport.duplicateOf.id}`
                }
              >
                查看
              </Link>
            }
          />
        )}
        {planImport.kind !== "plan" && (
          <Alert
            type="warning"
            showIcon
            title="这份文档看起来不是工作要点（可能是解读或总结），请确认后再发布。"
          />
        )}
        {planImport.warnings.length > 0 && (
          <Alert
            type="info"
            showIcon
            title="识别提示"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {planImport.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            }
          />
        )}
        {actions.issues && (
          <ReviewIssues draft={draft} issues={actions.issues} onClose={actions.clearIssues} />
        )}
      </Flex>
      <HeaderFields draft={draft} readOnly={readOnly} change={editor.change} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="review-counts">
          {describeCounts(countNodes(draft.nodes))}
        </Typography.Text>
        {planImport.filename && <Tag>{planImport.filename}</Tag>}
        {editor.dirty && <Tag color="gold">有未保存的修改</Tag>}
        {readOnly && <Tag>只读</Tag>}
      </Flex>
      <ReviewWorkspace planImport={planImport} draft={draft} readOnly={readOnly} change={editor.change} />
      {actions.pastYear !== null && (
        <PastYearDialog
          year={actions.pastYear}
          onChoose={actions.choosePastYear}
          onCancel={actions.cancelPastYear}
        />
      )}
    </>
  );
}
