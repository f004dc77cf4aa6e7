import { markerAt, Style } from "./markers.js";
import { normalise } from "./normalise.js";
import {
  cellCommitments,
  cellDate,
  cellDeadline,
  cellMeasure,
  cellUnits,
  laterDate,
  readTaskCell,
  type TableContext,
} from "./table-cells.js";
import { type ColumnRole, isRepeatedHeader, type TableHeader } from "./table-header.js";
import { type SourceTable, type TableCell, type TableRow, tableLabel } from "./table-model.js";
import type { Milestone, PlanNode, RowRef, Target } from "./types.js";

/** A task being read: its node, and the rows, owners and dates gathered from its rows so far. */
interface TaskBuild {
  node: PlanNode;
  rows: RowRef[];
  targets: Target[];
  milestones: Milestone[];
  lead: string[];
  co: string[];
  ownersRow: RowRef | null;
  deadlineRow: RowRef | null;
  /** The task row's own deadline: a measure row due earlier is a milestone of the task. */
  rowDeadline: string | null;
}

/** One table, read row by row below its header. */
class RowReader {
  readonly out: PlanNode[] = [];
  private section: PlanNode | null = null;
  private task: TaskBuild | null = null;
  private readonly col: (role: ColumnRole) => number;

  constructor(
    private readonly ctx: TableContext,
    private readonly input: string,
    private readonly table: SourceTable,
    private readonly header: TableHeader,
    private readonly problems: string[],
  ) {
    this.col = (role) => header.roles.indexOf(role);
  }

  /** An own (not merged) cell with text in the column of `role`, or null. */
  private own(row: TableRow, role: ColumnRole): TableCell | null {
    const c = row.cells[this.col(role)];
    return c && !c.merged && c.end > c.start ? c : null;
  }

  read(): PlanNode[] {
    const { table, header, input } = this;
    for (let r = header.last + 1; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const owned = row.cells.filter((c) => !c.merged && c.end > c.start);
      if (owned.length === 0 || isRepeatedHeader(input, row, header)) continue;
      const ref: RowRef = { table: row.table, row: row.row, span: [row.start, row.end] };
      if (this.sectionRow(row, owned)) continue;
      this.sectionCell(row);
      const taskCell = this.own(row, "task");
      if (taskCell) this.startTask(row, ref, taskCell);
      else if (this.task) this.addRow(row, ref, false);
      else
        this.problems.push(
          `${tableLabel({ ...table, name: row.table })}第${row.row}行：任务列为空，但上方没有可归属的任务（请检查合并单元格），该行未读入`,
        );
    }
    this.finishTask();
    return this.out;
  }

  /** A row holding only a heading such as 一、党的建设 (spread over the row) opens a section. */
  private sectionRow(row: TableRow, owned: TableCell[]): boolean {
    if (owned.length !== 1) return false;
    const cell = owned[0]!;
    const text = this.input.slice(cell.start, cell.end);
    const spread = row.cells.length > 1 && row.cells.every((c) => c === cell || c.merged === "left");
    // A lone 一、 heading counts only where headings stand (left of the measures), not as a measure's text.
    const marker = row.cells.indexOf(cell) <= this.col("task") ? sectionMarker(text) : null;
    if (!spread && !marker) return false;
    this.openSection(cell, text);
    return true;
  }

  /** A 类别 column: a new value opens a section; a cell merged with the one above stays in it. */
  private sectionCell(row: TableRow): void {
    const cell = this.own(row, "section");
    if (!cell) return;
    const text = this.input.slice(cell.start, cell.end);
    if (this.section && this.section.text === text) return;
    this.openSection(cell, text);
  }

  private openSection(cell: TableCell, text: string): void {
    this.finishTask();
    const marker = sectionMarker(text);
    const title = (marker ? text.slice(marker.length) : text).replace(/\s+/g, "").replace(/[:：。]+$/, "");
    this.section = {
      level: "section",
      label: marker ? marker.label : null,
      number: marker ? marker.number : null,
      title: title || text.replace(/\s+/g, ""),
      text,
      span: [cell.start, cell.end],
      measures: [],
      targets: [],
      milestones: [],
      owners: null,
      deadline: null,
      children: [],
      sources: { rows: [], owners: null, deadline: null },
    };
    this.out.push(this.section);
  }

  private startTask(row: TableRow, ref: RowRef, taskCell: TableCell): void {
    this.finishTask();
    const { input, ctx } = this;
    const cell = readTaskCell(ctx, taskCell.start, taskCell.end, input);
    const num = this.own(row, "number");
    const label = num ? input.slice(num.start, num.end) : null;
    const digits = label
      ? /^\d+/.exec(label.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
      : null;
    const sectionEnd = this.own(row, "section")?.end ?? -1;
    const first = row.cells.find((c) => !c.merged && c.end > c.start && c.start > sectionEnd) ?? taskCell;
    const node: PlanNode = {
      level: "task",
      label,
      number: digits ? Number(digits[0]) : null,
      title: cell.title || input.slice(taskCell.start, taskCell.end).replace(/\s+/g, ""),
      text: "",
      span: [Math.min(first.start, taskCell.start), row.end],
      measures: cell.measures,
      targets: [],
      milestones: [],
      owners: cell.owners,
      deadline: cell.deadline,
      children: [],
    };
    const task: TaskBuild = {
      node,
      rows: [],
      targets: [],
      milestones: [],
      lead: [...(cell.owners?.lead ?? [])],
      co: [...(cell.owners?.co ?? [])],
      ownersRow: null,
      deadlineRow: null,
      rowDeadline: null,
    };
    this.task = task;
    const found = cellCommitments(
      ctx,
      { ...taskCell, src: cell.src, notes: cell.notes },
      this.fallback(row),
      input,
    );
    task.targets.push(...found.targets);
    task.milestones.push(...found.milestones);
    this.addRow(row, ref, true);
  }

  /** The deadline and title a row's targets fall back on. */
  private fallback(row: TableRow): { deadline: string | null; title: string } {
    const d = this.rowDeadline(row) ?? this.task?.node.deadline ?? null;
    return { deadline: d, title: this.task?.node.title ?? "" };
  }

  private rowDeadline(row: TableRow): string | null {
    const c = row.cells[this.col("deadline")];
    return c ? cellDeadline(this.input, c.start, c.end, this.ctx.planYear) : null;
  }

  /** Adds a row's measure, targets, owners and deadline to the current task. */
  private addRow(row: TableRow, ref: RowRef, isTaskRow: boolean): void {
    const task = this.task!;
    const { input, ctx } = this;
    task.rows.push(ref);
    task.node.span[1] = row.end;
    const measureCell = this.own(row, "measure") ?? (isTaskRow ? null : this.fallbackMeasureCell(row));
    const deadline = this.rowDeadline(row);
    if (isTaskRow) task.rowDeadline = deadline ?? task.node.deadline;
    const fb = this.fallback(row);
    if (measureCell) {
      const { measure, title } = cellMeasure(input, measureCell.start, measureCell.end);
      task.node.measures.push(measure);
      const found = cellCommitments(ctx, measureCell, { ...fb, title: task.node.title }, input);
      task.targets.push(...found.targets);
      task.milestones.push(...found.milestones);
      // A measure row due before its task is a dated 节点 of the task.
      const ownDate = this.ownDeadline(row);
      const dated = found.milestones.length > 0 || found.targets.length > 0;
      if (!isTaskRow && ownDate && !dated && ownDate !== task.rowDeadline)
        task.milestones.push({ ...measure, title, deadline: ownDate, hedge: null });
    }
    for (const [i, role] of this.header.roles.entries()) {
      const c = row.cells[i];
      if (!c || c.end <= c.start) continue;
      if (role === "target" && !c.merged && c !== measureCell) {
        const found = cellCommitments(ctx, c, fb, input);
        task.targets.push(...found.targets);
        task.milestones.push(...found.milestones);
      } else if (role === "lead" || role === "co") this.addUnits(c, role, i, ref, isTaskRow);
    }
    if (deadline && laterDate(task.node.deadline, deadline) !== task.node.deadline) {
      task.node.deadline = laterDate(task.node.deadline, deadline);
      task.deadlineRow = ref;
    }
  }

  /** The date a measure row's own 完成时限 cell names; recurring or year-long wording dates no 节点. */
  private ownDeadline(row: TableRow): string | null {
    const c = row.cells[this.col("deadline")];
    return c && !c.merged ? cellDate(this.input, c.start, c.end, this.ctx.planYear) : null;
  }

  /** On a measure row without a 措施 column, the first own cell of a content column holds the measure. */
  private fallbackMeasureCell(row: TableRow): TableCell | null {
    const i = this.header.roles.findIndex(
      (role, k) =>
        (role === "target" || role === "other") &&
        !row.cells[k]?.merged &&
        row.cells[k]!.end > row.cells[k]!.start,
    );
    return i >= 0 ? row.cells[i]! : null;
  }

  private addUnits(c: TableCell, role: "lead" | "co", col: number, ref: RowRef, isTaskRow: boolean): void {
    const task = this.task!;
    const units = cellUnits(this.input, c.start, c.end);
    // Under a plain 责任单位 heading 公文 practice lists the lead unit first; under 牵头单位 every unit leads.
    let leads = role === "co" ? [] : this.header.allLead[col] ? units : units.slice(0, 1);
    let cos = role === "co" ? units : this.header.allLead[col] ? [] : units.slice(1);
    // The task row's lead leads the task; a unit leading one of its measures works with it.
    if (!isTaskRow && task.lead.length) [leads, cos] = [[], [...leads, ...cos]];
    const newLeads = leads.filter((u) => !task.lead.includes(u));
    task.lead.push(...newLeads);
    const newCos = cos.filter(
      (u, k) => !task.co.includes(u) && !task.lead.includes(u) && cos.indexOf(u) === k,
    );
    task.co.push(...newCos);
    if ((newLeads.length || newCos.length) && !task.ownersRow) task.ownersRow = ref;
  }

  private finishTask(): void {
    const task = this.task;
    if (!task) return;
    this.task = null;
    const { node } = task;
    const byStart = <T extends { span: [number, number] }>(xs: T[]): T[] =>
      xs.sort((a, b) => a.span[0] - b.span[0]);
    node.measures = byStart(node.measures);
    node.targets = byStart(task.targets);
    node.milestones = byStart(task.milestones);
    node.owners = task.lead.length || task.co.length ? { lead: task.lead, co: task.co } : null;
    const textStart = node.span[0];
    node.text = this.input.slice(textStart, node.span[1]);
    const src = (r: RowRef | null) => (r ? { from: "table" as const, ...r } : null);
    node.sources = {
      rows: task.rows,
      owners: src(task.ownersRow ?? (node.owners ? task.rows[0]! : null)),
      deadline: src(task.deadlineRow ?? (node.deadline ? task.rows[0]! : null)),
    };
    (this.section ? this.section.children : this.out).push(node);
  }
}

/** The tasks (grouped in sections when the table has them) of one table with a recognised header. */
export function tableNodes(
  ctx: TableContext,
  input: string,
  table: SourceTable,
  header: TableHeader,
  problems: string[],
): PlanNode[] {
  return new RowReader(ctx, input, table, header, problems).read();
}

/** The 一、 / （一） label at the start of a heading cell, with its number. */
function sectionMarker(text: string): { label: string; number: number; length: number } | null {
  const canon = normalise(text, { rejoin: false }).text;
  const m = markerAt(canon, 0);
  if (!m || (m.style !== Style.cnDun && m.style !== Style.cnParen)) return null;
  // The canonical text dropped no characters before the label, so its length maps back one to one.
  const lead = text.length - text.trimStart().length;
  return { label: text.slice(lead, lead + m.labelEnd), number: m.number, length: lead + m.contentStart };
}
