import { describe, expect, it } from "vitest";
import { sampleBulletin } from "../test/document-fixtures.js";
import { docxParts } from "../test/office-tools.js";
import { buildOfficialDocument, chineseDate } from "./index.js";

const parts = async () => docxParts(await buildOfficialDocument(sampleBulletin));

/** The XML of the first paragraph whose text contains `text`. */
function paragraphWith(xml: string, text: string): string {
  const found = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)?.find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

/** The East Asian font, size (half-points) and colour of the run holding `text`. */
function runOf(xml: string, text: string) {
  const run = xml.match(/<w:r>.*?<\/w:r>/gs)?.find((r) => r.includes(text));
  if (!run) throw new Error(`no run with ${text}`);
  return {
    eastAsia: /w:eastAsia="([^"]+)"/.exec(run)?.[1],
    ascii: /w:ascii="([^"]+)"/.exec(run)?.[1],
    size: Number(/<w:sz w:val="(\d+)"/.exec(run)?.[1]),
    color: /<w:color w:val="([^"]+)"/.exec(run)?.[1],
  };
}

describe("buildOfficialDocument (GB/T 9704-2012)", () => {
  it("lays the page out on A4 with the standard's margins and 22 lines of 28 characters", async () => {
    const { document, styles } = await parts();
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 37 mm top, 26 mm right, 35 mm bottom, 28 mm left; the footer 23 mm up puts the number 7 mm under the 版心.
    expect(document).toMatch(
      /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" [^>]*w:footer="1304"/,
    );
    // 225 mm of 版心 / 22 lines = 579 twips a line.
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    // 16 pt less 5 twips: 28 × 315 = 8820 twips fit the 156 mm (8845 twips) 版心, 29 do not.
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="Normal">.*?<w:spacing w:val="-5"\/>.*?<w:sz w:val="32"\/>/s,
    );
  });

  it("prints the 版头 red: the issuer mark in 小标宋 and the separator line under the number", async () => {
    const { document } = await parts();
    expect(runOf(document, "瓦房店市教育局督查室")).toEqual({
      eastAsia: "方正小标宋简体",
      ascii: "方正小标宋简体",
      size: 84,
      color: "FF0000",
    });
    const number = paragraphWith(document, "瓦教督通〔2023〕3号");
    expect(number).toContain('<w:jc w:val="center"/>');
    expect(number).toMatch(
      /<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="18" w:space="11"\/><\/w:pBdr>/,
    );
  });

  it("sets the title in 2号小标宋, the body in 3号仿宋_GB2312 and the headings in 黑体 and 楷体_GB2312", async () => {
    const { document, styles } = await parts();
    expect(runOf(document, "关于5月份重点工作推进情况的通报")).toMatchObject({
      eastAsia: "方正小标宋简体",
      size: 44,
    });
    expect(runOf(document, "24项重点任务中")).toMatchObject({ eastAsia: "仿宋_GB2312", size: 32 });
    expect(runOf(document, "一、总体情况")).toMatchObject({ eastAsia: "黑体", size: 32 });
    expect(runOf(document, "（一）任务亮灯情况")).toMatchObject({ eastAsia: "楷体_GB2312", size: 32 });
    // The defaults name every script slot, so a run without fonts of its own stays 仿宋_GB2312 in LibreOffice.
    expect(styles).toContain(
      '<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:hint="eastAsia"/>',
    );
    // 首行缩进二字: two characters of 315 twips.
    expect(paragraphWith(document, "24项重点任务中")).toContain('w:firstLine="630"');
  });

  it("fills a light's table cell with its colour, its text off the line grid in 4号", async () => {
    const { document, styles } = await parts();
    // Without snapToGrid off, LibreOffice gives each table line a whole 28.95 pt grid line.
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="TableText">.*?<w:pPr><w:snapToGrid w:val="0"\/><w:spacing w:line="400" w:lineRule="exact"\/>.*?<w:sz w:val="28"\/>.*?<\/w:style>/s,
    );
    expect(document).toMatch(/<w:shd w:fill="FF0000" w:color="auto" w:val="clear"\/>.*?红/s);
    expect(document).toMatch(/<w:shd w:fill="FFFF00" w:color="auto" w:val="clear"\/>.*?黄/s);
  });

  it("numbers pages '— 1 —' in 4号宋体 on the outer side: odd pages right, even pages left", async () => {
    const { document, settings, rels, footers } = await parts();
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(document)?.[1];
      const target = new RegExp(`Id="${id}" Type="[^"]+" Target="(footer\\d+\\.xml)"`).exec(rels)?.[1];
      return footers[target!]!;
    };
    for (const [type, side, indent] of [
      ["default", "right", 'w:right="280"'],
      ["even", "left", 'w:left="280"'],
    ] as const) {
      const xml = footerOf(type);
      expect(xml).toContain(`<w:jc w:val="${side}"/>`);
      expect(xml).toContain(indent);
      expect(xml).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
      expect(xml).toMatch(/— <\/w:t>.*<w:instrText[^>]*>PAGE<.*<w:t xml:space="preserve"> —/s);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
  });

  it("writes the 成文日期 and the 版记 with Arabic numerals and no leading zeros", async () => {
    const { document } = await parts();
    expect(chineseDate("2023-06-05")).toBe("2023年6月5日");
    expect(paragraphWith(document, "2023年6月15日</w:t>")).toContain('<w:jc w:val="right"/>');
    expect(document).toContain("抄送：局领导。");
    expect(document).toContain("瓦房店市教育局督查室\t2023年6月15日印发");
    // The 版记's first and last lines thick (1 pt), the one between thin (¾ pt).
    expect(document).toMatch(
      /<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="8"\/>.*<w:bottom w:val="single" w:color="000000" w:sz="8"\/>.*<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/s,
    );
  });

  it("opens a draft with its title, no red mark, no 文号 line and no 版记, and sets a 三级标题 in 仿宋", async () => {
    const { document } = await docxParts(
      await buildOfficialDocument({
        ...sampleBulletin,
        layout: "draft",
        printedBy: null,
        printedOn: null,
        body: [{ kind: "heading", level: 3, text: "1.落实全面从严治党主体责任" }, ...sampleBulletin.body],
      }),
    );
    expect(document).not.toContain('w:color w:val="FF0000"');
    expect(document).not.toContain("瓦教督通〔2023〕3号");
    expect(document).not.toContain("印发");
    const body = document.slice(document.indexOf("<w:body>"));
    expect(body.indexOf("<w:t")).toBe(body.indexOf('<w:t xml:space="preserve">关于5月份'));
    expect(runOf(document, "1.落实全面从严治党主体责任")).toMatchObject({
      eastAsia: "仿宋_GB2312",
      size: 32,
    });
    expect(paragraphWith(document, "1.落实全面从严治党主体责任")).toContain("<w:keepNext/>");
  });
});
