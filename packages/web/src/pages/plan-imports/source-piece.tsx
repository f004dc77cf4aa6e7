import { theme } from "antd";
import { type HighlightKind, highlightStyles } from "./highlight";

/** A highlighted item's extent in the source text. */
export interface Mark {
  key: string;
  kind: HighlightKind;
  start: number;
  end: number;
}

/** A stretch of the source that renders as one flat span: inside at most one mark, holding node anchors. */
export interface Piece {
  start: number;
  end: number;
  mark: Mark | null;
  anchors: string[];
  selected: boolean;
}

/** One piece of the source: plain text, or a highlighted target or milestone that selects its item on click. */
export function PieceView({
  text,
  piece,
  selectedKey,
  onSelect,
}: {
  text: string;
  piece: Piece;
  selectedKey: string | null;
  onSelect: (itemKey: string) => void;
}) {
  const { token } = theme.useToken();
  const content = text.slice(piece.start, piece.end);
  const anchors = piece.anchors.map((key) => <span key={`a-${key}`} data-node-anchor={key} />);
  const background = piece.selected ? token.colorFillSecondary : undefined;
  if (!piece.mark) {
    return (
      <span style={{ background }}>
        {anchors}
        {content}
      </span>
    );
  }
  const colors = highlightStyles[piece.mark.kind];
  const active = piece.mark.key === selectedKey;
  const itemKey = piece.mark.key;
  return (
    <span>
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
}
