import type { PastYearMode, PlanImport } from "@duban/domain";
import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import {
  discardPlanImport,
  planImportsKey,
  plansKey,
  publishPlanImport,
  savePlanDraft,
} from "../../api/plans";
import { staleVersionMessage } from "../../hooks/use-error-handler";
import { countNodes, describeCounts } from "./draft-ops";
import { type FieldIssue, fieldIssuesOf } from "./issue-paths";
import type { DraftEditor } from "./use-draft-editor";

/** 保存草稿, 发布 and 放弃 of the review screen, with the server's refusals turned into messages. */
export function useReviewActions(planImport: PlanImport, editor: DraftEditor) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<"save" | "publish" | "discard" | null>(null);
  const [issues, setIssues] = useState<{ message: string; items: FieldIssue[] } | null>(null);
  const detailKey = [...planImportsKey, "detail", planImport.id];

  function showError(error: unknown) {
    if (isApiError(error, "stale_version")) message.error(staleVersionMessage);
    else if (isApiError(error, "validation_failed"))
      setIssues({ message: error.message, items: fieldIssuesOf(error.details) });
    else message.error(isApiError(error) ? error.message : "操作失败，请稍后重试");
  }

  /** Saves the draft; the version to publish with, or null when the save failed. */
  async function save(): Promise<number | null> {
    setBusy("save");
    try {
      const saved = await savePlanDraft(planImport.id, editor.draft, editor.version);
      editor.saved(saved);
      queryClient.setQueryData(detailKey, saved);
      void queryClient.invalidateQueries({ queryKey: [...planImportsKey, "list"] });
      setIssues(null);
      return saved.version;
    } catch (error) {
      showError(error);
      return null;
    } finally {
      setBusy(null);
    }
  }

  /** The year of a past year's plan the server asked about: record or live, chosen in a dialog. */
  const [pastYear, setPastYear] = useState<{ year: number; allowDuplicate: boolean } | null>(null);

  async function publishWith(options: { allowDuplicate: boolean; pastYear?: PastYearMode }) {
    const version = editor.dirty ? await save() : editor.version;
    if (version === null) return;
    setBusy("publish");
    try {
      const { planId } = await publishPlanImport(planImport.id, { version, ...options });
      editor.release();
      void queryClient.invalidateQueries({ queryKey: plansKey });
      void queryClient.invalidateQueries({ queryKey: planImportsKey });
      message.success(options.pastYear === "record" ? "计划已作为存档发布（已归档）" : "计划已发布");
      navigate(`/plans/${planId}`);
    } catch (error) {
      const details = (error as { details?: { duplicateOf?: unknown; pastYear?: unknown } }).details;
      if (isApiError(error, "conflict") && details?.duplicateOf && !options.allowDuplicate) {
        modal.confirm({
          title: "同一份文档已发布过，仍要发布吗？",
          content: error.message,
          okText: "仍要发布",
          onOk: () => publishWith({ ...options, allowDuplicate: true }),
        });
      } else if (isApiError(error, "conflict") && typeof details?.pastYear === "number") {
        setPastYear({ year: details.pastYear, allowDuplicate: options.allowDuplicate });
      } else showError(error);
    } finally {
      setBusy(null);
    }
  }

  /** Publishes the past year's plan as the office chose: a record (archived) or live work. */
  function choosePastYear(mode: PastYearMode) {
    const asked = pastYear;
    setPastYear(null);
    if (asked) void publishWith({ allowDuplicate: asked.allowDuplicate, pastYear: mode });
  }

  function publish() {
    const counts = countNodes(editor.draft.nodes);
    modal.confirm({
      title: `发布《${editor.draft.title}》？`,
      content: `将创建 ${describeCounts(counts).replaceAll(" · ", "、")}。${editor.dirty ? "未保存的修改会先保存。" : ""}`,
      okText: "确认发布",
      onOk: () => publishWith({ allowDuplicate: false }),
    });
  }

  function discard() {
    modal.confirm({
      title: "放弃这份草稿？",
      content: "放弃后它将不再出现在待发布列表中，已做的修改也不会保留。",
      okText: "放弃",
      okButtonProps: { danger: true },
      onOk: async () => {
        setBusy("discard");
        try {
          await discardPlanImport(planImport.id, editor.version);
          editor.release();
          void queryClient.invalidateQueries({ queryKey: planImportsKey });
          message.success("已放弃");
          navigate("/plans");
        } catch (error) {
          showError(error);
        } finally {
          setBusy(null);
        }
      },
    });
  }

  return {
    busy,
    issues,
    clearIssues: () => setIssues(null),
    save,
    publish,
    discard,
    pastYear: pastYear?.year ?? null,
    choosePastYear,
    cancelPastYear: () => setPastYear(null),
  };
}
