import type { FormRound, FormSubmission, Role } from "@duban/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../../db/client.js";
import { formSubmissionEvents, formSubmissions } from "../../../db/schema.js";
import { buildUser, TEST_PASSWORD } from "../../../test/factories.js";
import { kindergartenFields, kindergartenRules, ok, refused, sentForm } from "../../../test/form-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../../test/plan-fixtures.js";
import { signIn } from "../../../test/session.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { uploadFile } from "../../../test/upload.js";
import { type FormDataChangedHook, onFormDataChanged } from "../data-changed-hook.js";

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
}, 120_000);
afterAll(async () => t?.close());

/** Downloads the round's template as the 学前教育科. */
async function template(roundId: string): Promise<Buffer> {
  const res = await p.lead.get(`/api/form-rounds/${roundId}/template`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

/** Fills a template as a person would: `rows` by unit name, values in field order from the first field column. */
async function fill(buffer: Buffer, rows: Record<string, ExcelJS.CellValue[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("填报数据")!;
  sheet.eachRow((row, n) => {
    const values = n > 2 ? rows[row.getCell(3).text] : undefined;
    values?.forEach((v, i) => {
      row.getCell(4 + i).value = v;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The Excel row of a unit in a template. */
async function rowOf(buffer: Buffer, unitName: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  let found = 0;
  workbook.getWorksheet("填报数据")!.eachRow((row, n) => {
    if (row.getCell(3).text === unitName) found = n;
  });
  return found;
}

const importInto = (roundId: string, content: Buffer, session = p.lead) =>
  uploadFile(session, `/api/form-rounds/${roundId}/import`, { content, name: "填报.xlsx" });

/** The statuses and history lengths of a round's submissions: what an import that fails must leave alone. */
async function roundState(roundId: string) {
  const db = t.database.db as Db;
  const rows = await db
    .select({ id: formSubmissions.id, status: formSubmissions.status, values: formSubmissions.values })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.tenantId, p.tenant.id), eq(formSubmissions.roundId, roundId)));
  const [events] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(formSubmissionEvents)
    .where(
      and(
        eq(formSubmissionEvents.tenantId, p.tenant.id),
        inArray(
          formSubmissionEvents.submissionId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return { rows: rows.sort((a, b) => a.id.localeCompare(b.id)), events: events!.n };
}

describe("a department fills a round for its units through Excel", () => {
  it("downloads the template, fills it, uploads it and reads the values back as approved, imported data", async () => {
    const { round, mine, theirs } = await sentForm(p);
    // The kindergarten started on its own: its draft is prefilled, and the department's figures replace it.
    const draft = await ok<FormSubmission>(p.kg1.get(`/api/form-submissions/${mine}`));
    await ok(
      p.kg1.put(`/api/form-submissions/${mine}`, { values: { children: 10 }, version: draft.version }),
    );
    const res = await p.lead.get(`/api/form-rounds/${round.id}/template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="form-template.xlsx"; filename*=UTF-8''${encodeURIComponent("幼儿园基本情况统计表（2023年6月）导入模板.xlsx")}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("填报数据")!;
    expect((sheet.getRow(2).values as unknown[]).slice(2)).toEqual([
      "单位编码",
      "单位名称",
      "在园幼儿数（人）*",
      "公办在园幼儿数",
      "是否普惠",
    ]);
    const kgRow = await rowOf(res.rawPayload, p.kindergarten.name);
    expect(sheet.getRow(kgRow).getCell(4).value).toBe(10);

    const hook = vi.fn<FormDataChangedHook>(async () => {});
    const off = onFormDataChanged(hook);
    const filled = await fill(res.rawPayload, {
      [p.kindergarten.name]: [120, 60, "是"],
      [p.secondKindergarten.name]: [80, null, "否"],
    });
    try {
      expect(await ok(importInto(round.id, filled))).toEqual({ imported: 2 });
    } finally {
      off();
    }
    // One recomputation for the whole import, inside its transaction.
    expect(hook).toHaveBeenCalledTimes(1);
    expect(hook.mock.calls[0]![1]).toEqual({
      tenantId: p.tenant.id,
      formId: round.formId,
      now: t.clock.now(),
    });

    const after = await ok<FormRound>(p.lead.get(`/api/form-rounds/${round.id}`));
    expect(after.counts).toEqual({ expected: 2, draft: 0, submitted: 0, returned: 0, approved: 2 });
    const ours = await ok<FormSubmission>(p.lead.get(`/api/form-submissions/${mine}`));
    expect(ours).toMatchObject({
      status: "approved",
      values: { children: 120, publicChildren: 60, inclusive: true },
      submittedAt: "2023-06-15T01:00:00.000Z",
      reviewedAt: "2023-06-15T01:00:00.000Z",
    });
    expect(ours.history.map((h) => [h.action, h.values])).toEqual([
      ["saved", { children: 10 }],
      ["imported", { children: 120, publicChildren: 60, inclusive: true }],
    ]);
    const theirsNow = await ok<FormSubmission>(p.kg2.get(`/api/form-submissions/${theirs}`));
    expect([theirsNow.status, theirsNow.values]).toEqual([
      "approved",
      { children: 80, publicChildren: null, inclusive: false },
    ]);

    // Uploading the same file again changes nothing; changing an approved row is refused.
    expect(await ok(importInto(round.id, filled))).toEqual({ imported: 0 });
    const changed = await fill(filled, { [p.secondKindergarten.name]: [81] });
    const row = await rowOf(changed, p.secondKindergarten.name);
    expect(await refused(importInto(round.id, changed), 400, "validation_failed")).toEqual([
      {
        row,
        field: null,
        message: `第 ${row} 行：单位「${p.secondKindergarten.name}」的填报已审核通过并锁定，不能修改；请恢复原来的数据或清空这一行`,
      },
    ]);
  });

  it("saves nothing when one row is wrong, and names the row and field of each problem", async () => {
    const { round } = await sentForm(p);
    const blank = await template(round.id);
    const before = await roundState(round.id);
    const filled = await fill(blank, {
      [p.kindergarten.name]: [120, 60, "是"],
      [p.secondKindergarten.name]: [80, 90, "也许"],
    });
    const row = await rowOf(filled, p.secondKindergarten.name);
    expect(
      await refused(
        importInto(round.id, filled),
        400,
        "validation_failed",
        "文件中有 1 处错误，未导入任何数据，请按提示修改后重新上传",
      ),
    ).toEqual([{ row, field: "inclusive", message: `第 ${row} 行「是否普惠」：应为「是」或「否」` }]);
    const rule = await fill(blank, { [p.secondKindergarten.name]: [80, 90] });
    expect(await refused(importInto(round.id, rule), 400, "validation_failed")).toEqual([
      { row, field: null, message: `第 ${row} 行：公办在园幼儿数不能多于在园幼儿数` },
    ]);
    expect(await roundState(round.id)).toEqual(before);
  });

  it("refuses a template made before the form changed, and any import once the round is closed", async () => {
    const { form, round } = await sentForm(p);
    const filled = await fill(await template(round.id), { [p.kindergarten.name]: [120] });
    const current = await ok<{ version: number }>(p.lead.get(`/api/forms/${form.id}`));
    const relabelled = kindergartenFields.map((f) => (f.key === "inclusive" ? { ...f, label: "普惠园" } : f));
    await ok(
      p.lead.put(`/api/forms/${form.id}`, {
        title: form.title,
        fields: relabelled,
        rules: kindergartenRules,
        version: current.version,
      }),
    );
    expect(await refused(importInto(round.id, filled), 400, "validation_failed")).toEqual([
      {
        row: null,
        field: null,
        message: "模板已过期：下载后填报表又修改过，请重新下载模板，把数据填入新模板后上传",
      },
    ]);
    const open = await ok<FormRound>(p.lead.get(`/api/form-rounds/${round.id}`));
    await ok(p.lead.post(`/api/form-rounds/${round.id}/close`, { version: open.version }));
    await refused(importInto(round.id, filled), 409, "conflict", "该填报批次已结束，不能再导入数据");
  });
});

describe("who may use a round's Excel template", () => {
  it("answers 401 signed out, 404 to a kindergarten and 403 to a leader and another department", async () => {
    const { round } = await sentForm(p);
    const url = `/api/form-rounds/${round.id}/template`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    await refused(p.kg1.get(url), 404, "not_found");
    await refused(p.otherDept.get(url), 403, "forbidden", "只有填报表的负责科室或督查室可以下载导入模板");
    const leader = await buildUser(t.database.db as Db, { tenantId: p.tenant.id, role: "leader" as Role });
    const session = await signIn(t.app, leader.login, TEST_PASSWORD);
    await refused(session.get(url), 403, "forbidden");
    await refused(
      importInto(round.id, Buffer.from("x"), p.otherDept),
      403,
      "forbidden",
      "只有填报表的负责科室或督查室可以导入数据",
    );
    // The supervisor manages every form.
    expect((await p.supervisor.get(url)).statusCode).toBe(200);
  });

  it("refuses a file that is not an .xlsx, one that is empty and one over the upload limit", async () => {
    const { round } = await sentForm(p);
    await refused(
      importInto(round.id, Buffer.from("单位,在园幼儿数\n")),
      415,
      "unsupported_media_type",
      "文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传",
    );
    await refused(
      importInto(round.id, Buffer.alloc(0)),
      400,
      "bad_request",
      "上传的文件是空的，请选择填写好的 Excel 模板",
    );
    await refused(
      importInto(round.id, Buffer.alloc(5 * 1024 * 1024 + 1, 0x50)),
      413,
      "payload_too_large",
      "文件不能超过 5 MB",
    );
    await refused(p.lead.post(`/api/form-rounds/${round.id}/import`, {}), 415, "unsupported_media_type");
  });
});
