// Test fixtures: 任务分解表 documents written for the purpose (no real bureau's text), built as real files.
import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";

/** A cell of a fixture table: its text, and how many rows it spans downward. */
type CellSpec = string | { text: string; rows: number };

const cell = (c: CellSpec) =>
  typeof c === "string"
    ? new TableCell({ children: [new Paragraph(c)] })
    : new TableCell({ children: [new Paragraph(c.text)], rowSpan: c.rows });

/** A Word table; a cell spanning rows is left out of the rows below it, as the docx package expects. */
function table(header: string[], rows: CellSpec[][]): Table {
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, children: header.map(cell) }),
      ...rows.map((r) => new TableRow({ children: r.map(cell) })),
    ],
  });
}

const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"];

/**
 * A Word 分解表 under a title set on two lines: three tasks whose 序号, task and (for the first) 牵头单位 cells
 * are merged down over their measure rows, then the table continued after a page break with its header repeated.
 */
export async function wordBreakdownTable(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph("示范县教育局"),
          new Paragraph("2024年重点工作任务分解表"),
          table(HEADER, [
            [
              { text: "1", rows: 2 },
              { text: "加强思想政治教育", rows: 2 },
              "开展主题班会",
              { text: "德育科", rows: 2 },
              "团委",
              "2024年4月",
            ],
            ["组织红色研学活动", "各中小学", "2024年10月底前"],
            [
              { text: "2", rows: 3 },
              { text: "提升课堂教学质量", rows: 3 },
              "开展课堂教学评比",
              "教研室",
              "",
              "2024年6月",
            ],
            ["建设优质课资源库50节", "教研室", "电教站", "年底前"],
            ["落实集体备课制度", "教研室", "", "长期坚持"],
            [
              { text: "3", rows: 2 },
              { text: "保障校园安全（安全科牵头，各校配合）", rows: 2 },
              "每月开展安全隐患排查",
              "",
              "",
              "每月",
            ],
            ["于6月底前完成校园监控升级", "", "", "2024年6月底前"],
          ]),
          new Paragraph({ children: [new PageBreak()] }),
          table(HEADER, [["4", "推进家校共育", "举办家长学校培训3期", "基础教育科", "妇联", "2024年11月"]]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A prose plan whose tasks' owners and deadlines are given in an attached 分解表 (附件). */
export async function proseWithAttachment(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph("示范县教育局2024年工作要点"),
          new Paragraph("2024年全县教育工作以提高质量为主线。"),
          new Paragraph("一、加强党的建设"),
          new Paragraph("1.加强理论武装。组织专题学习。"),
          new Paragraph("2.严明工作纪律。开展警示教育。（纪检组牵头，办公室配合）"),
          new Paragraph("二、提升教育质量"),
          new Paragraph("3.深化课程改革。推进课堂教学改革，于9月底前完成新课标培训。"),
          new Paragraph({ children: [new TextRun("附件"), new PageBreak()] }),
          new Paragraph("重点任务分解表"),
          table(
            ["序号", "重点任务", "责任单位", "完成时限"],
            [
              ["1", "加强理论武装", "组织人事科、宣传科", "2024年6月底前"],
              ["3", "深化课程改革", "教研室", "2024年12月"],
            ],
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * An Excel 分解表 over two sheets and a notes sheet: a title row merged across the first sheet, tasks merged
 * down over their measure rows, a 序号 written as a formula, a date cell, and 长期坚持 / 每季度 deadlines.
 */
export async function excelBreakdown(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet("党建工作");
  first.addRow(["示范区教育局2024年重点任务分解表"]);
  first.mergeCells("A1:F1");
  first.addRow(["序号", "工作任务", "工作措施", "责任科室", "时间节点", "工作目标"]);
  first.addRow([1, "建强基层党组织", "开展支部标准化建设", "组织科", "2024年9月", "党建示范校达到5所"]);
  first.addRow([null, null, "培育党建品牌", null, "长期坚持", null]);
  first.mergeCells("A3:A4");
  first.mergeCells("B3:B4");
  first.mergeCells("D3:D4");
  first.addRow([
    { formula: "A3+1", result: 2 },
    "加强师德师风建设",
    "开展师德专题教育",
    "人事科、纪检组",
    new Date(Date.UTC(2024, 5, 30)),
    "",
  ]);
  const second = book.addWorksheet("教育教学");
  second.addRow(["序号", "重点工作", "具体措施", "牵头单位", "配合单位", "完成时间"]);
  second.addRow([1, "推进集团化办学", "新组建教育集团2个", "基础教育科", "人事科", "2024年8月底前"]);
  second.addRow([2, "加强教研指导", "开展送教下乡", "教研室", "", "每季度"]);
  const notes = book.addWorksheet("填表说明");
  notes.addRow(["请各科室按时填报"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
