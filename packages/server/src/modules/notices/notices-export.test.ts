import { shanghaiDate } from "@duban/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssignedPlan, dayFromToday } from "../../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let p: Awaited<ReturnType<typeof buildAssignedPlan>>;
let answered: { id: string; createdAt: string; events: { action: string; createdAt: string }[] };
beforeAll(async () => {
  t = await createTestApp();
  p = await buildAssignedPlan(t);
  const raise = async (reason: string, level: string) => {
    const res = await p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: p.assignmentId,
      level,
      reason,
      replyDue: dayFromToday(t, 5),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const first = await raise("公办园占比进展滞后，请说明原因", "yellow");
  await raise("师资配备不足，请提出补充方案", "blue");
  const replied = await p.kg1.post(`/api/notices/${first.id}/reply`, {
    text: "已召开专题会议",
    measures: "新增学位 200 个",
    fileIds: [],
  });
  expect(replied.statusCode, replied.body).toBe(200);
  const accepted = await p.supervisor.post(`/api/notices/${first.id}/decision`, {
    decision: "accept",
    version: replied.json().version,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  answered = accepted.json();
});
afterAll(() => t.close());

/** The rows of an exported 督办台账, header first, as cell texts. */
async function exported(query: string): Promise<string[][]> {
  const res = await p.supervisor.get(`/api/notices/export.xlsx${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: 13 }, (_, i) => row.getCell(i + 1).text));
  });
  return rows;
}

describe("the 督办台账's keyword and columns", () => {
  it("prints the lead department, the dates, the measures and the office's verdict", async () => {
    const rows = await exported("?q=公办园");
    const reply = answered.events.find((e) => e.action === "reply")!;
    expect(rows.slice(1)).toEqual([
      [
        "1",
        "9.促进学前教育普及普惠发展：公办园占比进展滞后，请说明原因",
        "西城幼儿园",
        "学前教育科",
        "黄色警示",
        shanghaiDate(new Date(answered.createdAt)),
        "2023-06-20",
        shanghaiDate(new Date(reply.createdAt)),
        "已召开专题会议",
        "新增学位 200 个",
        "通过",
        "2023-06-15",
        "已办结",
      ],
    ]);
  });

  it("matches the keyword in the reason, the task's title and the unit's name, in the list and the export", async () => {
    const totals = async (q: string) =>
      (await p.supervisor.get(`/api/notices?q=${encodeURIComponent(q)}`)).json().total;
    expect(await totals("公办园")).toBe(1);
    expect(await totals("师资")).toBe(1);
    expect(await totals("学前教育")).toBe(2);
    expect(await totals("西城")).toBe(2);
    expect(await totals("100%")).toBe(0);
    expect((await exported(`?q=${encodeURIComponent("师资")}`)).length).toBe(2);
    expect((await exported(`?q=${encodeURIComponent("西城")}`)).length).toBe(3);
    expect((await exported(`?q=${encodeURIComponent("无此事项")}`)).length).toBe(1);
    // The keyword narrows the other filters rather than replacing them.
    const closed = await p.supervisor.get(`/api/notices?q=${encodeURIComponent("西城")}&status=accepted`);
    expect(closed.json().total).toBe(1);
  });

  it("pages the filtered list", async () => {
    const page = (await p.supervisor.get("/api/notices?q=西城&pageSize=1&page=2")).json();
    expect([page.total, page.items.length, page.items[0].reason]).toEqual([
      2,
      1,
      "公办园占比进展滞后，请说明原因",
    ]);
  });
});
