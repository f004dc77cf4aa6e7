import type { DraftNode, PlanDraftEdit, PlanImport } from "@duban/domain";
import { Col, Row } from "antd";
import { useEffect, useRef, useState } from "react";
import { useIsMobile } from "../../hooks/use-is-mobile";
import { findItemOwner, findNode, flattenNodes } from "./draft-ops";
import { scrollToKey } from "./highlight";
import { NodeDetail } from "./node-detail";
import { SourcePane } from "./source-pane";
import { StructureTree } from "./structure-tree";

/** Props of the review workspace. */
export interface ReviewWorkspaceProps {
  planImport: PlanImport;
  draft: PlanDraftEdit;
  readOnly: boolean;
  change: (edit: (draft: PlanDraftEdit) => PlanDraftEdit) => void;
}

/** The document, the tree and the detail panel side by side (stacked on phones), kept in step by selection. */
export function ReviewWorkspace({ planImport, draft, readOnly, change }: ReviewWorkspaceProps) {
  const isMobile = useIsMobile();
  const sourceRef = useRef<HTMLElement>(null);
  const treeRef = useRef<HTMLElement>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<string[]>(() =>
    draft.nodes.filter((node) => node.level === "section" || node.level === "subsection").map((n) => n.key),
  );
  const place = selectedKey ? findNode(draft.nodes, selectedKey) : null;
  const owner = selectedKey && !place ? findItemOwner(draft.nodes, selectedKey) : null;
  const selectedSpan = place?.node.span ?? null;
  const selectedRows = (place?.node ?? owner)?.sources?.rows.map((r) => r.span) ?? [];

  /** Selects from the document: open the item's ancestors in the tree and bring it into view there. */
  function selectFromSource(itemKey: string) {
    setSelectedKey(itemKey);
    const node = findItemOwner(draft.nodes, itemKey);
    const ancestors = node ? (findNode(draft.nodes, node.key)?.ancestors ?? []) : [];
    const open = [...ancestors, ...(node ? [node] : [])].map((n) => n.key);
    setExpandedKeys((keys) => [...new Set([...keys, ...open])]);
    setTimeout(() => scrollToKey(treeRef.current, "tree-key", itemKey), 50);
  }

  /** Selects from the tree: bring the node's (or item's) text into view in the document. */
  function selectFromTree(key: string) {
    setSelectedKey(key);
    const node = findNode(draft.nodes, key)?.node;
    if (node) scrollToKey(sourceRef.current, "node-anchor", key);
    else scrollToKey(sourceRef.current, "item-key", key);
  }

  // Drop a selection whose node was deleted or merged away.
  useEffect(() => {
    if (selectedKey && !place && !owner) setSelectedKey(null);
  }, [selectedKey, place, owner]);

  /** Why the saved lead unit was suggested, while the node still has that unit (an unsaved change has none). */
  const leadKeywords = (node: DraftNode): string[] => {
    const saved = findNode(planImport.draft.nodes, node.key)?.node;
    return saved && saved.leadUnitId === node.leadUnitId ? (planImport.leadKeywords[node.key] ?? []) : [];
  };

  const paneHeight = isMobile ? "50vh" : "calc(100vh - 290px)";
  const treeNodes = flattenNodes(draft.nodes).length;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12} xl={9}>
        <SourcePane
          ref={sourceRef}
          text={planImport.sourceText}
          nodes={draft.nodes}
          selectedKey={selectedKey}
          selectedSpan={selectedSpan}
          selectedRows={selectedRows}
          onSelect={selectFromSource}
          style={planImport.sourceText ? { height: paneHeight, minHeight: 320 } : undefined}
        />
      </Col>
      <Col xs={24} lg={12} xl={7}>
        <StructureTree
          ref={treeRef}
          nodes={draft.nodes}
          selectedKey={selectedKey}
          expandedKeys={expandedKeys}
          onExpand={setExpandedKeys}
          onSelect={selectFromTree}
          style={{ maxHeight: isMobile ? "60vh" : paneHeight, minHeight: treeNodes > 10 ? 320 : undefined }}
        />
      </Col>
      <Col xs={24} xl={8}>
        <div
          style={{ maxHeight: isMobile ? undefined : paneHeight, overflowY: isMobile ? undefined : "auto" }}
        >
          <NodeDetail
            draft={draft}
            selectedKey={selectedKey}
            readOnly={readOnly}
            change={change}
            onSelect={setSelectedKey}
            leadKeywords={leadKeywords}
            onShowRow={(span) => scrollToKey(sourceRef.current, "row-anchor", String(span[0]))}
          />
        </div>
      </Col>
    </Row>
  );
}
