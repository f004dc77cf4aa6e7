import type { DraftNode } from "@duban/domain";
import { Empty, theme } from "antd";
import { type CSSProperties, forwardRef, useMemo } from "react";
import { flattenNodes } from "./draft-ops";
import { type HighlightKind, highlightStyles } from "./highlight";

interface Mark {
  key: string;
  kind: HighlightKind;
  start: number;
  end: number;
}

interface Piece {
  start: number;
  end: number;
  mark: Mark | null;
  anchors: string[];
  selected: boolean;
}

/** Cuts the text at every mark, node start and selection edge, so each piece renders as one flat span. */
function piecesOf(
  length: number,
  marks: Mark[],
  anchors: Map<number, string[]>,
  selection: [number, number] | null,
) {
  const cuts = new Set([0, length, ...anchors.keys()]);
  for (const mark of marks) cuts.add(mark.start).add(mark.end);
  if (selection) cuts.add(selection[0]).add(selection[1]);
  const sorted = [...cuts].filter((c) => c >= 0 && c <= length).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let m = 0;
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    while (m < marks.length && marks[m]!.end <= start) m++;
    const mark = marks[m] && marks[m]!.start <= start ? marks[m]! : null;
    const selected = !!selection && start >= selection[0] && end <= selection[1];
    pieces.push({ start, end, mark, anchors: anchors.get(start) ?? [], selected });
  }
  return pieces;
}

/** Targets and milestones with a span, in document order, overlaps dropped. */
function marksOf(nodes: DraftNode[], length: number): Mark[] {
  const all = flattenNodes(nodes).flatMap((node) => [
    ...node.targets.map((t) => ({ key: t.key, kind: "target" as const, span: t.span })),
    ...node.milestones.map((m) => ({ key: m.key, kind: "milestone" as const, span: m.span })),
  ]);
  const marks = all
    .filter((item) => item.span && item.span[0] < item.span[1] && item.span[1] <= length)
    .map((item) => ({ key: item.key, kind: item.kind, start: item.span![0], end: item.span![1] }))
    .sort((a, b) => a.start - b.start);
  return marks.filter((mark, i) => i === 0 || mark.start >= marks[i - 1]!.end);
}

/** Props of the source pane. */
export interface SourcePaneProps {
  text: string;
  nodes: DraftNode[];
  selectedKey: string | null;
  selectedSpan: [number, number] | null;
  onSelect: (itemKey: string) => void;
  style?: CSSProperties;
}

/** The source document with targets and milestones highlighted in place; a click selects the item. */
export const SourcePane = forwardRef<HTMLElement, SourcePaneProps>(function SourcePane(
  { text, nodes, selectedKey, selectedSpan, onSelect, style },
  ref,
) {
  const { token } = theme.useToken();
  const pieces = useMemo(() => {
    const anchors = new Map<number, string[]>();
    for (const node of flattenNodes(nodes)) {
      if (node.span) anchors.set(node.span[0], [...(anchors.get(node.span[0]) ?? []), node.key]);
    }
    return piecesOf(text.length, marksOf(nodes, text.length), anchors, selectedSpan);
  }, [text, nodes, selectedSpan]);

  return (
    <section
      ref={ref}
      aria-label="原文"
      style={{
        whiteSpace: "pre-wrap",
        lineHeight: 1.9,
        fontSize: 14,
        overflowY: "auto",
        padding: 12,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        background: token.colorBgContainer,
        ...style,
      }}
    >
      {text.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有原文（复制自已发布的计划）" />
      )}
      {pieces.map((piece) => {
        const content = text.slice(piece.start, piece.end);
        const anchors = piece.anchors.map((key) => <span key={`a-${key}`} data-node-anchor={key} />);
        const background = piece.selected ? token.colorFillSecondary : undefined;
        if (!piece.mark) {
          return (
            <span key={piece.start} style={{ background }}>
              {anchors}
              {content}
            </span>
          );
        }
        const colors = highlightStyles[piece.mark.kind];
        const active = piece.mark.key === selectedKey;
        const itemKey = piece.mark.key;
        return (
          <span key={piece.start}>
            {anchors}
            <button
              type="button"
              data-item-key={piece.start === piece.mark.start ? itemKey : undefined}
              title={`${colors.label}（点击在结构中选中）`}
              onClick={() => onSelect(itemKey)}
              style={{
                all: "unset",
                whiteSpace: "pre-wrap",
                background: colors.background,
                borderBottom: `2px solid ${colors.border}`,
                outline: active ? `2px solid ${colors.border}` : undefined,
                cursor: "pointer",
              }}
            >
              {content}
            </button>
          </span>
        );
      })}
    </section>
  );
});
