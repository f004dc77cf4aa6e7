import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { planTextToDocx } from "../files/test-helpers.js";
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
