import type { PlanDraftEdit, PlanImport } from "@duban/domain";
import { useCallback, useRef, useState } from "react";

/** The draft being reviewed, kept locally until 保存草稿. */
export interface DraftEditor {
  draft: PlanDraftEdit;
  version: number;
  dirty: boolean;
  /** Read synchronously by the leave guard, so a navigation right after saving is not blocked. */
  dirtyRef: { readonly current: boolean };
  change: (edit: (draft: PlanDraftEdit) => PlanDraftEdit) => void;
  /** Takes the server's copy after a save. */
  saved: (planImport: PlanImport) => void;
  /** Marks the draft clean without saving (before leaving on purpose). */
  release: () => void;
}

/** Local state of the review screen: the draft, the version it was read at and whether it has unsaved edits. */
export function useDraftEditor(planImport: PlanImport): DraftEditor {
  const [draft, setDraft] = useState(planImport.draft);
  const [version, setVersion] = useState(planImport.version);
  const [dirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);

  const change = useCallback((edit: (draft: PlanDraftEdit) => PlanDraftEdit) => {
    setDraft((current) => edit(current));
    dirtyRef.current = true;
    setDirty(true);
  }, []);
  const saved = useCallback((next: PlanImport) => {
    setDraft(next.draft);
    setVersion(next.version);
    dirtyRef.current = false;
    setDirty(false);
  }, []);
  const release = useCallback(() => {
    dirtyRef.current = false;
    setDirty(false);
  }, []);
  return { draft, version, dirty, dirtyRef, change, saved, release };
}
