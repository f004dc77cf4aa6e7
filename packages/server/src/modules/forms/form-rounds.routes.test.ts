import type { Form, FormRound, FormRoundUrgeResult, FormSubmission } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildGroup, buildTenant, buildUnit } from "../../test/factories.js";
import { defineForm, fillAndSubmit, ok, refused, sentForm } from "../../test/form-fixtures.js";
import { toldOf } from "../../test/notification-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { onFormDataChanged } from "./index.js";

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
}, 120_000);
afterAll(async () => t?.close());

/** Sends the form as the 学前教育科 with `body` over a valid round; returns the raw answer. */
function send(formId: string, body: Record<string, unknown>) {
  return p.lead.post(`/api/forms/${formId}/rounds`, { name: "2023年6月", deadline: "2023-06-30", ...body });
}

describe("sending a form to units", () => {
  it("sends nothing when recomputing the form's indicators fails: no round, no drafts, the form still a draft", async () => {
    const form = await defineForm(p);
    const off = onFormDataChanged(async () => {
      throw new Error("recompute failed");
    });
    try {
      const res = await send(form.id, { unitIds: [p.kindergarten.id] });
      expect(res.statusCode, res.body).toBe(500);
    } finally {
      off();
    }
    const after = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    expect([after.status, after.roundCount, after.version]).toEqual(["draft", 0, form.version]);
  });

  it("sends one draft to each unit of a group and each unit named, once each, and fixes the form", async () => {
    const form = await defineForm(p);
    const group = await ok<{ id: string }>(
      p.supervisor.post("/api/groups", {
        name: `全部幼儿园${form.id.slice(0, 6)}`,
        kind: "rule",
        rule: { kind: "school", schoolTypes: ["kindergarten"] },
      }),
      201,
    );
    const round = await ok<FormRound>(
      send(form.id, { groupIds: [group.id], unitIds: [p.kindergarten.id] }),
      201,
    );
    expect(round).toMatchObject({
      formId: form.id,
      name: "2023年6月",
      deadline: "2023-06-30",
      cycleId: null,
      status: "open",
      closedAt: null,
      createdAt: "2023-06-15T01:00:00.000Z",
      version: 0,
      counts: { expected: 2, draft: 2, submitted: 0, returned: 0, approved: 0 },
      form: { id: form.id, title: "幼儿园基本情况统计表", planId: p.planId },
      abilities: { urge: true, close: true, review: true },
    });
    expect(round.units.map((u) => [u.unit.id, u.status, u.late, u.urgedToday]).sort()).toEqual(
      [
        [p.kindergarten.id, "draft", false, false],
        [p.secondKindergarten.id, "draft", false, false],
      ].sort(),
    );
    const sent = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    expect([sent.status, sent.version, sent.rounds.map((r) => r.id)]).toEqual(["active", 1, [round.id]]);
  });

  it("accepts today as the deadline and refuses yesterday", async () => {
    const form = await defineForm(p);
    expect(
      (await ok<FormRound>(send(form.id, { deadline: "2023-06-15", unitIds: [p.kindergarten.id] }), 201))
        .deadline,
    ).toBe("2023-06-15");
    const details = await refused(
      send(form.id, { deadline: "2023-06-14", unitIds: [p.kindergarten.id] }),
      400,
      "validation_failed",
    );
    expect(details).toEqual([{ path: "deadline", message: "截止日期不能早于今天（2023-06-15）" }]);
  });

  it("refuses another bureau's unit and a disabled group, naming each id, and sends nothing", async () => {
    const db = t.database.db as Db;
    const elsewhere = await buildUnit(db, (await buildTenant(db)).id, { schoolType: "kindergarten" });
    const disabled = await buildGroup(db, p.tenant.id, { unitIds: [p.kindergarten.id], enabled: false });
    const form = await defineForm(p);
    const details = await refused(
      send(form.id, { unitIds: [p.kindergarten.id, elsewhere.id], groupIds: [disabled.id] }),
      400,
      "validation_failed",
      `单位 ${elsewhere.id} 不存在或已停用，请重新选择`,
    );
    expect(details).toEqual([
      { path: "unitIds.1", message: `单位 ${elsewhere.id} 不存在或已停用，请重新选择` },
      { path: "groupIds.0", message: `分组 ${disabled.id} 不存在或已停用，请重新选择` },
    ]);
    const after = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    expect([after.status, after.roundCount]).toEqual(["draft", 0]);
  });

  it("refuses a round without units, a group without members and a cycle of no plan of the form", async () => {
    const form = await defineForm(p);
    expect(await refused(send(form.id, {}), 400, "validation_failed")).toEqual([
      { path: "unitIds", message: "请至少选择一个填报单位或单位分组" },
    ]);
    const empty = await buildGroup(t.database.db as Db, p.tenant.id, { unitIds: [] });
    expect(await refused(send(form.id, { groupIds: [empty.id] }), 400, "validation_failed")).toEqual([
      { path: "groupIds", message: "所选分组中没有可填报的单位" },
    ]);
    const cycleId = "0b6e7a8e-3c1f-4f0e-9d43-5d0a1f2b3c4d";
    expect(
      await refused(send(form.id, { unitIds: [p.kindergarten.id], cycleId }), 400, "validation_failed"),
    ).toEqual([{ path: "cycleId", message: "填报周期不存在或不属于该填报表的计划" }]);
  });

  it("lets a leader read a round but not 催报 it, nor another department", async () => {
    const { round } = await sentForm(p);
    await refused(
      p.otherDept.post(`/api/form-rounds/${round.id}/urge`),
      403,
      "forbidden",
      "只有填报表的负责科室或督查室可以催报",
    );
    await refused(p.kg1.get(`/api/form-rounds/${round.id}`), 404, "not_found", "填报批次不存在或无权查看");
  });
});

describe("催报 and closing a round", () => {
  it("reminds the units that have not handed in, once a unit and day, and shows who was reminded", async () => {
    const { round, mine, theirs } = await sentForm(p);
    await fillAndSubmit(p.kg2, theirs, { children: 120 });
    const first = await ok<FormRoundUrgeResult>(p.lead.post(`/api/form-rounds/${round.id}/urge`));
    expect(first).toEqual({ missing: 1, reminded: 1, skipped: 0, message: "已向 1 个未报送单位发送催报" });
    const told = await toldOf(t, p.tenant.id, "reminder_urge");
    // The kindergarten's two users (the school's and kg1), linked to its submission.
    expect([told.users.length, told.links]).toEqual([2, [`/form-submissions/${mine}`]]);
    const again = await ok<FormRoundUrgeResult>(p.supervisor.post(`/api/form-rounds/${round.id}/urge`));
    expect(again).toEqual({
      missing: 1,
      reminded: 0,
      skipped: 1,
      message: "今日已催报过这 1 个单位，未重复发送",
    });
    expect((await toldOf(t, p.tenant.id, "reminder_urge")).users.length).toBe(2);
    const view = await ok<FormRound>(p.lead.get(`/api/form-rounds/${round.id}`));
    // Missing units first.
    expect(view.units.map((u) => [u.unit.id, u.status, u.urgedToday])).toEqual([
      [p.kindergarten.id, "draft", true],
      [p.secondKindergarten.id, "submitted", false],
    ]);
    expect(view.counts).toEqual({ expected: 2, draft: 1, submitted: 1, returned: 0, approved: 0 });
  });

  it("closes a round: no more filling in or 催报, but what was handed in is still reviewed", async () => {
    const { round, mine, theirs } = await sentForm(p);
    const submitted = await fillAndSubmit(p.kg2, theirs, { children: 80 });
    const closed = await ok<FormRound>(p.lead.post(`/api/form-rounds/${round.id}/close`, { version: 0 }));
    expect([closed.status, closed.closedAt, closed.version, closed.abilities]).toEqual([
      "closed",
      "2023-06-15T01:00:00.000Z",
      1,
      { urge: false, close: false, review: true },
    ]);
    await refused(
      p.lead.post(`/api/form-rounds/${round.id}/close`, { version: 1 }),
      409,
      "conflict",
      "该填报批次已结束",
    );
    await refused(
      p.lead.post(`/api/form-rounds/${round.id}/urge`),
      409,
      "conflict",
      "该填报批次已结束，无需催报",
    );
    const draft = await ok<FormSubmission>(p.kg1.get(`/api/form-submissions/${mine}`));
    expect(draft.abilities).toEqual({ edit: false, submit: false, review: false });
    await refused(
      p.kg1.put(`/api/form-submissions/${mine}`, { values: { children: 1 }, version: draft.version }),
      409,
      "conflict",
      "该填报批次已结束，不能再填写或提交",
    );
    const approved = await ok<FormSubmission>(
      p.lead.post(`/api/form-submissions/${theirs}/approve`, { version: submitted.version }),
    );
    expect(approved.status).toBe("approved");
  });

  it("refuses closing at a stale version", async () => {
    const { round } = await sentForm(p);
    await refused(
      p.lead.post(`/api/form-rounds/${round.id}/close`, { version: 3 }),
      409,
      "stale_version",
      "该填报批次已被他人修改，请刷新后再操作",
    );
  });
});
