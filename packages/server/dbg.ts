import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import JSZip from "jszip";
import { readPlanDocument } from "./src/files/read-plan-document.ts";
import { parsePlan } from "@duban/plan-parser";
const cell = (t: string, rowSpan?: number) => new TableCell({ children: [new Paragraph(t)], rowSpan });
const doc = new Document({ sections: [{ children: [
  new Paragraph("某县教育局2023年重点任务分解表"),
  new Table({ rows: [
    new TableRow({ tableHeader: true, children: [cell("序号"), cell("重点任务"), cell("具体措施"), cell("牵头单位"), cell("完成时限")] }),
    new TableRow({ children: [cell("1", 2), cell("建设书香校园", 2), cell("新建图书角50个"), cell("基础教育科"), cell("2023年6月底前")] }),
    new TableRow({ children: [cell("开展读书节"), cell("教研室"), cell("每季度")] }),
    new TableRow({ children: [cell("2"), cell("加强教师培训"), cell("培训骨干教师300人"), cell("人事科"), cell("长期坚持")] }),
  ]}),
]}]});
const buf = await Packer.toBuffer(doc);
const zip = await JSZip.loadAsync(buf);
console.log((await zip.file("word/document.xml")!.async("string")).slice(0, 3000));
const read = await readPlanDocument({ bytes: new Uint8Array(buf) });
console.log(JSON.stringify(read.text), JSON.stringify(read.layout));
console.log(JSON.stringify(parsePlan(read.text, read.layout), null, 1));
