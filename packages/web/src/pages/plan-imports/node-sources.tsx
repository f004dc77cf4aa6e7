import type { DraftNode, DraftRowRef } from "@duban/domain";
import { Button, Typography } from "antd";

/** Props of the sources line. */
export interface NodeSourcesProps {
  node: DraftNode;
  /** Brings a table row into view in the source pane. */
  onShowRow?: (span: [number, number]) => void;
}

/** "表1 第4行", or "工作表“党建工作” 第3行" when the table is an Excel sheet (any name other than 表N). */
function rowName(r: DraftRowRef): string {
  return `${/^表\d+$/.test(r.table) ? r.table : `工作表“${r.table}”`} 第${r.row}行`;
}

/** Where the node was read: its table rows, and whether its units and deadline came from a row or its own text. */
export function NodeSources({ node, onShowRow }: NodeSourcesProps) {
  const s = node.sources;
  if (!s || (s.rows.length === 0 && s.owners?.from !== "table" && s.deadline?.from !== "table")) return null;
  const link = (r: DraftRowRef) => (
    <Button key={`${r.table}-${r.row}`} type="link" size="small" onClick={() => onShowRow?.(r.span)}>
      {rowName(r)}
    </Button>
  );
  const field = (label: string, f: NonNullable<typeof s>["owners"]) =>
    f && (
      <div>
        {label}来自：{f.from === "table" ? link(f) : "正文"}
      </div>
    );
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
      {s.rows.length > 0 && <div>表格来源：{s.rows.map(link)}</div>}
      {field("责任单位", s.owners)}
      {field("完成时限", s.deadline)}
    </Typography.Paragraph>
  );
}
