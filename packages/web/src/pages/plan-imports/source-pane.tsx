import type { DraftNode } from "@duban/domain";
import { Empty, theme } from "antd";
import { type CSSProperties, forwardRef, type ReactNode, useMemo } from "react";
import { flattenNodes } from "./draft-ops";
import { type SourceBlock, sourceBlocks } from "./source-blocks";
import { type Mark, type Piece, PieceView } from "./source-piece";

/** Cuts the text at every mark, node start and selection edge, so each piece renders as one flat span. */
function piecesOf(
  length: number,
  marks: Mark[],
  anchors: Map<number, string[]>,
  selection: [number, number] | null,
  blocks: SourceBlock[],
) {
  const cuts = new Set([0, length, ...anchors.keys()]);
  // Table cells render apart, so no piece may run across a cell's edge.
  for (const b of blocks) {
    cuts.add(b.start).add(b.end);
    if (b.kind === "table") for (const r of b.rows) for (const [s, e] of r.cells) cuts.add(s).add(e);
  }
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
  /** Table rows the selected node was read from or completed by, highlighted in their table. */
  selectedRows?: [number, number][];
  onSelect: (itemKey: string) => void;
  style?: CSSProperties;
}

/** The source document with targets and milestones highlighted in place; a click selects the item. */
export const SourcePane = forwardRef<HTMLElement, SourcePaneProps>(function SourcePane(
  { text, nodes, selectedKey, selectedSpan, selectedRows = [], onSelect, style },
  ref,
) {
  const { token } = theme.useToken();
  const blocks = useMemo(() => sourceBlocks(text), [text]);
  const pieces = useMemo(() => {
    const anchors = new Map<number, string[]>();
    for (const node of flattenNodes(nodes)) {
      if (node.span) anchors.set(node.span[0], [...(anchors.get(node.span[0]) ?? []), node.key]);
    }
    return piecesOf(text.length, marksOf(nodes, text.length), anchors, selectedSpan, blocks);
  }, [text, nodes, selectedSpan, blocks]);
  const rowStarts = new Set(selectedRows.map((r) => r[0]));

  // Pieces are in order and ranges are asked for in order, so one forward pointer finds each range's pieces.
  let p = 0;
  const render = (a: number, b: number): ReactNode[] => {
    while (p < pieces.length && pieces[p]!.end <= a) p++;
    const out: ReactNode[] = [];
    for (let k = p; k < pieces.length && pieces[k]!.start < b; k++)
      out.push(
        <PieceView
          key={pieces[k]!.start}
          text={text}
          piece={pieces[k]!}
          selectedKey={selectedKey}
          onSelect={onSelect}
        />,
      );
    return out;
  };
  const cellStyle: CSSProperties = {
    border: `1px solid ${token.colorBorderSecondary}`,
    padding: "2px 6px",
    verticalAlign: "top",
  };

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
      {blocks.map((block) =>
        block.kind === "prose" ? (
          <span key={block.start}>{render(block.start, block.end)}</span>
        ) : (
          <table
            key={block.start}
            style={{ borderCollapse: "collapse", margin: "4px 0", fontSize: 13, lineHeight: 1.6 }}
          >
            <tbody>
              {block.rows.map((row) => (
                <tr
                  key={row.start}
                  data-row-anchor={row.start}
                  aria-current={rowStarts.has(row.start) ? "true" : undefined}
                  style={{ background: rowStarts.has(row.start) ? token.colorWarningBg : undefined }}
                >
                  {row.cells.map(([a, b]) => (
                    <td key={a} style={cellStyle}>
                      {render(a, b)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}
    </section>
  );
});
