import type { OfficialDocument } from "../documents/index.js";

/**
 * A 督查通报 of two pages: the 版头, a level-1 and a level-2 heading, a table of lights and enough paragraphs to
 * run onto a second page, so both the odd and the even footer are used.
 */
export const sampleBulletin: OfficialDocument = {
  issuerMark: "瓦房店市教育局督查室",
  documentNumber: "瓦教督通〔2023〕3号",
  title: "关于5月份重点工作推进情况的通报",
  addressee: "各学校、局机关各科室",
  body: [
    {
      kind: "paragraph",
      text: "按照年度工作要点安排，督查室对本月各项重点工作的推进情况进行了督查，现将有关情况通报如下。",
    },
    { kind: "heading", level: 1, text: "一、总体情况" },
    { kind: "paragraph", text: "24项重点任务中，正常推进18项，滞后4项，逾期2项。" },
    { kind: "heading", level: 2, text: "（一）任务亮灯情况" },
    {
      kind: "table",
      header: ["任务", "牵头单位", "亮灯"],
      widths: [3, 2, 1],
      rows: [
        ["新建公办幼儿园", "基础教育科", { text: "红", shading: "FF0000" }],
        ["课后服务全覆盖", "基础教育科", { text: "黄", shading: "FFFF00" }],
      ],
    },
    ...Array.from({ length: 8 }, (_, i) => ({
      kind: "paragraph" as const,
      text: `第${i + 1}项，各单位要对照任务清单逐项抓好落实，按时报送进展。`,
    })),
  ],
  signature: "瓦房店市教育局督查室",
  date: "2023-06-15",
  copyTo: ["局领导"],
  printedBy: "瓦房店市教育局督查室",
  printedOn: "2023-06-15",
};
