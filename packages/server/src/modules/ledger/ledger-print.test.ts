import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerData } from "./ledger-data.js";
import { writeLedgerWorkbook } from "./ledger-workbook.js";

/** Fails loudly, never skips, when the print tools are missing (CI installs them in `.ci/run`). */
function requireProgram(name: string, debianPackage: string): void {
  if (spawnSync("sh", ["-c", `command -v ${name}`]).status !== 0)
    throw new Error(`${name} is missing: install the Debian package ${debianPackage}`);
}

const assignment = {
  unitName: "西城幼儿园",
  role: "落实",
  measureText: null,
  dueDate: null,
  progress: 60,
  light: "green" as const,
  doneText: "新增学位120个",
  problemsText: "分园装修滞后",
  nextText: "完成分园装修",
  lastReportAt: new Date("2023-06-15T01:00:00Z"),
};

/** One section with task 9 and two hundred units: more rows than one A3 page holds. */
const data: LedgerData = {
  planTitle: "瓦房店市教育局2023年工作要点",
  day: "2023-06-15",
  snapshotDay: null,
  progress: 30,
  sections: [
    {
      title: "三、努力办好人民更加满意的教育",
      progress: 30,
      lines: [
        {
          kind: "task",
          level: "task",
          weight: 1,
          code: "9.",
          title: "促进学前教育普及普惠发展",
          measures: "多措并举扩增我市公办学位",
          indicators: "公办幼儿园在园幼儿占比：目标≥50%；当前60%（已报 1/2）；进展正常",
          leadUnit: "学前教育科",
          coUnits: "",
          deadline: "2023-12",
          progress: 30,
          light: "yellow",
          lastReportAt: assignment.lastReportAt,
          assignments: Array.from({ length: 200 }, () => assignment),
        },
      ],
    },
  ],
};

let dir: string;
let pdf: string;
beforeAll(async () => {
  requireProgram("soffice", "libreoffice-calc-nogui");
  requireProgram("pdftotext", "poppler-utils");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-ledger-print-"));
  const xlsx = path.join(dir, "ledger.xlsx");
  fs.writeFileSync(xlsx, await writeLedgerWorkbook(data));
  // A private profile, so parallel runs and a user's own LibreOffice never share one.
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      xlsx,
    ],
    { timeout: 120_000, stdio: "ignore" },
  );
  pdf = path.join(dir, "ledger.pdf");
}, 150_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the 工作台账 printed through LibreOffice", () => {
  it("lays every sheet out on A3 landscape and repeats the title and header on each page", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    // A3 landscape is 420 × 297 mm: 1190.55 × 841.89 pt.
    expect(info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // The summary on one page, the section's 200 units on three.
    expect(pages).toBe(4);
    for (let page = 2; page <= pages; page++) {
      const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], {
        encoding: "utf8",
      });
      expect(text, `page ${page}`).toContain("瓦房店市教育局2023年工作要点工作台账（截至2023-06-15）");
      expect(text, `page ${page}`).toContain("下步计划");
    }
  });
});
