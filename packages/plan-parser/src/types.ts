/** The kind of document the parser recognised: a plan, an official explanation, a year-end summary, or unknown. */
export type PlanKind = "plan" | "explanation" | "summary" | "unknown";

/** A half-open `[start, end)` range of UTF-16 offsets into the parsed input string. */
export type Span = [number, number];

/** How a target's value is compared: at least, more than, at most, less than, exactly, or a range. */
export type Comparator = "gte" | "gt" | "lte" | "lt" | "eq" | "range";

/** The level of a node in the plan tree. */
export type PlanLevel = "section" | "subsection" | "task" | "subtask";

/** A numeric target found in the text, such as 普惠园覆盖率达到85%. */
export interface Target {
  /** The clause exactly as written (`input.slice(span)`). */
  text: string;
  span: Span;
  /** What is measured, e.g. "公办幼儿园在园幼儿占比". */
  indicator: string;
  comparator: Comparator;
  /** The value with 万/亿 applied ("30.1万亩" → 301000). */
  value: number;
  /** Upper bound of a range ("2-4个" → 4), otherwise null. */
  valueMax: number | null;
  /** The unit without 万/亿: "%", "所", "个", "人", "元" … */
  unit: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  deadline: string | null;
  /** The hedge word in front of the commitment: 确保, 力争, 争取, 计划 … */
  hedge: string | null;
}

/** A dated commitment without a number, such as 西城幼儿园分园在2023年9月开园. */
export interface Milestone {
  /** The clause exactly as written (`input.slice(span)`). */
  text: string;
  span: Span;
  /** What is achieved: "西城幼儿园分园开园". */
  title: string;
  deadline: string | null;
  hedge: string | null;
}

/** A sentence of a task after its lead phrase. */
export interface Measure {
  /** The sentence exactly as written (`input.slice(span)`). */
  text: string;
  span: Span;
}

/** Lead and co-operating units named in a responsibility annotation. */
export interface Owners {
  lead: string[];
  co: string[];
}

/** One node of the plan tree: a section, subsection, task or subtask. */
export interface PlanNode {
  level: PlanLevel;
  /** The numbering as written: "一、", "（一）", "1.", "（1）", or null. */
  label: string | null;
  number: number | null;
  /** The heading, or a task's lead phrase (text before its first 。). */
  title: string;
  /** The node's own text without its label, children excluded; a suffix of `input.slice(span)`. */
  text: string;
  /** Covers the label and the node's own text, children excluded. */
  span: Span;
  measures: Measure[];
  targets: Target[];
  milestones: Milestone[];
  owners: Owners | null;
  deadline: string | null;
  children: PlanNode[];
  /** Where the node was read from a table, and where its owners and deadline came from; absent for prose alone. */
  sources?: NodeSources;
}

/** A row of a table in the input: the table's name (an Excel sheet, or 表1 … in order), its row number there, its span. */
export interface RowRef {
  table: string;
  /** 1-based, as the source numbers it (the Excel row; the Word table's row, header included). */
  row: number;
  span: Span;
}

/** Where one field of a node was read: the node's own text, or a table row. */
export type FieldSource = { from: "text"; span: Span } | ({ from: "table" } & RowRef);

/** The provenance of a node read from a table, or of a prose task completed by an attached 分解表. */
export interface NodeSources {
  /** The table rows the node was read from or matched to: its task row first, then its measure rows. */
  rows: RowRef[];
  owners: FieldSource | null;
  deadline: FieldSource | null;
}

/** How a cell of a table row continues a merged cell: from the row above, from the cell to its left, or not. */
export type CellMerge = "up" | "left" | null;

/**
 * What a document reader knows about the tables in the text it produced, beyond the text itself: each table
 * row is one line of the text with its cells joined by tabs; merged cells continue as empty cells.
 */
export interface PlanLayout {
  tables: {
    /** The Excel sheet's name, or 表1, 表2 … for Word tables. */
    name: string;
    /** An Excel sheet must hold a 分解表; a Word table without a recognised header is read as prose. */
    kind: "sheet" | "table";
    rows: { line: number; row: number; merged?: CellMerge[] }[];
  }[];
}

/** The 印发通知 header that sometimes precedes a plan. */
export interface PlanNotice {
  title: string;
  docNumber: string | null;
  addressees: string | null;
  /** The notice date as `YYYY-MM-DD` (or coarser), when written. */
  date: string | null;
}

/** The text before the first section: 总体思路 / 总体要求 / 主要目标, with any targets it sets. */
export interface PlanPreamble {
  text: string;
  span: Span;
  targets: Target[];
  milestones: Milestone[];
}

/** The parser's output: a draft plan for a person to review and publish. */
export interface PlanDraft {
  kind: PlanKind;
  title: string | null;
  issuer: string | null;
  year: number | null;
  notice: PlanNotice | null;
  preamble: PlanPreamble | null;
  nodes: PlanNode[];
  warnings: string[];
}
