import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { planTextToDocx } from "../files/test-helpers.js";
import { excelBreakdown } from "../files/test-plan-tables.js";
import { runCli } from "./index.js";

const fixture = new URL("../files/test-fixtures/seed-2023.txt", import.meta.url).pathname;

/** Runs the CLI, capturing what it prints. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const code = await runCli(argv);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

afterEach(() => vi.restoreAllMocks());

describe("duban parse", () => {
  it("prints the seed's PlanDraft as JSON", async () => {
    const { code, stdout } = await run(["parse", fixture, "--json"]);
    expect(code).toBe(0);
    const draft = JSON.parse(stdout);
    expect(draft).toMatchObject({ kind: "plan", title: "瓦房店市教育局2023年工作要点", year: 2023 });
    expect(draft.nodes).toHaveLength(6);
    expect(stdout).toBe(JSON.stringify(draft, null, 2));
  });

  it("prints a readable tree with targets and milestones marked", async () => {
    const { code, stdout } = await run(["parse", fixture]);
    expect(code).toBe(0);
    expect(stdout).toContain("标题：瓦房店市教育局2023年工作要点");
    expect(stdout).toContain("一、坚持和加强党对教育事业的全面领导");
    expect(stdout).toMatch(/◆ 指标 普惠园覆盖率 ≥ 85 %/);
    expect(stdout).toMatch(/◇ 节点 西城幼儿园分园开园（2023-09，争取）/);
  });

  it("reads a Word file with list numbering the same way as the text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "duban-parse-"));
    const file = join(dir, "要点.docx");
    writeFileSync(file, await planTextToDocx(readFileSync(fixture, "utf8"), { numbering: true }));
    const fromDocx = await run(["parse", file, "--json"]);
    vi.restoreAllMocks();
    const fromText = await run(["parse", fixture, "--json"]);
    expect(fromDocx.code).toBe(0);
    expect(JSON.parse(fromDocx.stdout).nodes.map((n: { title: string }) => n.title)).toEqual(
      JSON.parse(fromText.stdout).nodes.map((n: { title: string }) => n.title),
    );
  });

  it("reads an Excel 分解表 into tasks with their units, deadlines and rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "duban-parse-"));
    const file = join(dir, "分解表.xlsx");
    writeFileSync(file, await excelBreakdown());
    const { code, stdout } = await run(["parse", file]);
    expect(code).toBe(0);
    expect(stdout.split("\n").slice(0, 8)).toEqual([
      "标题：示范区教育局2024年重点任务分解表",
      "发文单位：示范区教育局　年度：2024　类型：工作要点",
      "",
      "1建强基层党组织　［2 条措施；牵头：组织科；完成时限：2024-12-31；党建工作 第3–4行］",
      "    ◆ 指标 党建示范校 ≥ 5 所（2024-09）",
      "2加强师德师风建设　［1 条措施；牵头：人事科；配合：纪检组；完成时限：2024-06-30；党建工作 第5行］",
      "1推进集团化办学　［1 条措施；牵头：基础教育科；配合：人事科；完成时限：2024-08-31；教育教学 第2行］",
      "    ◆ 指标 教育集团 = 2 个（2024-08-31）",
    ]);
  });

  it("exits 1 naming the sheet when a workbook holds no 分解表", async () => {
    const dir = mkdtempSync(join(tmpdir(), "duban-parse-"));
    const file = join(dir, "数据.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("数据").addRows([
      ["甲", "乙"],
      [1, 2],
    ]);
    writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
    const { code, stderr } = await run(["parse", file]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `错误：${file}：没有从 Excel 文件中读出任何任务：工作表“数据”中未找到表头行（应有“重点任务”“牵头单位”“完成时限”等列名），已跳过`,
    );
  });

  it("exits 1 with a Chinese message for a missing file", async () => {
    const { code, stdout, stderr } = await run(["parse", "/nonexistent/要点.docx", "--json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe("错误：找不到文件：/nonexistent/要点.docx");
  });

  it("exits 1 with the reader's message for a file it cannot read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "duban-parse-"));
    const file = join(dir, "scan.png");
    writeFileSync(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const { code, stderr } = await run(["parse", file]);
    expect(code).toBe(1);
    expect(stderr).toContain("PNG 图片");
  });

  it("asks for a file when none is given", async () => {
    const { code, stderr } = await run(["parse"]);
    expect(code).toBe(1);
    expect(stderr).toContain("缺少文件路径");
  });
});
