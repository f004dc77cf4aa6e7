import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Plan = Awaited<ReturnType<typeof buildPublishedPlan>>;

/** A tiny but real PNG: the bytes a phone camera upload starts with. */
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** Assigns task 9 to all public kindergartens with its first indicator and opens a cycle. */
async function assignAndOpen(p: Plan, cycleBody: Record<string, string> = {}) {
  const group = await p.supervisor.post("/api/groups", {
    name: `全部公办幼儿园${Date.now()}`,
    kind: "rule",
    rule: { kind: "school", schoolTypes: ["kindergarten"], ownerships: ["public"] },
  });
  expect(group.statusCode, group.body).toBe(201);
  const indicatorId = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
  const res = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    groupIds: [group.json().id],
    role: "executor",
    indicatorIds: [indicatorId],
  });
  expect(res.statusCode, res.body).toBe(201);
  const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, cycleBody);
  expect(cycle.statusCode, cycle.body).toBe(201);
  const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items;
  const mine = list.find((a: { unit: { id: string } }) => a.unit.id === p.kindergarten.id);
  return { indicatorId, cycle: cycle.json(), assignment: mine, created: res.json().created };
}

describe("交办 assignments", () => {
  it("hands task 9 to every public kindergarten through a group, one assignment per unit", async () => {
    const p = await buildPublishedPlan(t);
    const { created, assignment } = await assignAndOpen(p);
    expect(created).toBe(2);
    expect(assignment).toMatchObject({
      role: "executor",
      status: "active",
      acknowledgedAt: null,
      abilities: { remove: true },
    });
    const again = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
      unitIds: [p.kindergarten.id],
      role: "executor",
    });
    expect(again.json()).toEqual({ created: 0, skipped: 1 });
    // The list says who may 交办 more: the lead department, not a school that holds one of the assignments.
    const listed = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json();
    expect({ ...listed, items: listed.items.length }).toEqual({
      items: 2,
      total: 2,
      page: 1,
      pageSize: 20,
      abilities: { create: true },
    });
    expect((await p.kg1.get(`/api/nodes/${p.task9.id}/assignments`)).json().abilities).toEqual({
      create: false,
    });
    const secondPage = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments?page=2&pageSize=1`)).json();
    expect(secondPage.items.map((a: { id: string }) => a.id)).toEqual([listed.items[1].id]);
  });

  it("refuses assignment by a department that does not lead the task, and bad input", async () => {
    const p = await buildPublishedPlan(t);
    expect(
      (
        await p.otherDept.post(`/api/nodes/${p.task9.id}/assignments`, {
          unitIds: [p.kindergarten.id],
          role: "co",
        })
      ).statusCode,
    ).toBe(403);
    const none = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, { role: "co" });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe("unitIds");
    const other = await buildPublishedPlan(t);
    const foreign = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
      unitIds: [other.kindergarten.id],
      role: "co",
    });
    expect(foreign.json().error.details[0].path).toBe("unitIds.0");
    expect((await other.lead.get(`/api/nodes/${p.task9.id}/assignments`)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/nodes/${p.task9.id}/assignments` })).statusCode,
    ).toBe(401);
  });

  it("is acknowledged by the receiving unit only, once, and hidden from other schools", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment } = await assignAndOpen(p);
    expect((await p.kg2.get(`/api/assignments/${assignment.id}`)).statusCode).toBe(404);
    expect(
      (await p.lead.post(`/api/assignments/${assignment.id}/acknowledge`, { version: assignment.version }))
        .statusCode,
    ).toBe(403);
    const ack = await p.kg1.post(`/api/assignments/${assignment.id}/acknowledge`, {
      version: assignment.version,
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect(
      (await p.kg1.post(`/api/assignments/${assignment.id}/acknowledge`, { version: ack.json().version }))
        .statusCode,
    ).toBe(409);
  });

  it("keeps a withdrawn assignment in the history with its reason", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment } = await assignAndOpen(p);
    expect(
      (
        await p.lead.post(`/api/assignments/${assignment.id}/remove`, {
          reason: "",
          version: assignment.version,
        })
      ).statusCode,
    ).toBe(400);
    const res = await p.lead.post(`/api/assignments/${assignment.id}/remove`, {
      reason: "该园已并入分园",
      version: assignment.version,
    });
    expect(res.json()).toMatchObject({ status: "removed", removedReason: "该园已并入分园" });
    const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items;
    expect(list.find((a: { id: string }) => a.id === assignment.id).status).toBe("removed");
  });
});

describe("反馈 → 审核 reports and review", () => {
  it("runs report → return with reason → resubmit → approve, and rolls progress up to the task", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignAndOpen(p);
    const photo = await uploadFile(p.kg1, "/api/files", {
      name: "现场照片.png",
      type: "image/png",
      content: png,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ mime: "image/png", previewable: true });
    const body = {
      cycleId: cycle.id,
      progress: 60,
      doneText: "新增学位120个",
      problemsText: "",
      nextText: "完成分园装修",
      values: [{ indicatorId, value: 60 }],
      fileIds: [photo.json().id],
      submit: true,
    };
    const submitted = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, body);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const report = submitted.json();
    expect(report).toMatchObject({
      status: "submitted",
      progress: 60,
      late: false,
      files: [{ filename: "现场照片.png" }],
      values: [{ indicatorId, value: 60 }],
      history: [{ action: "submit" }],
    });
    // The answer is built from what the save wrote, not read back: it must equal what a read returns.
    expect(report).toEqual((await p.kg1.get(`/api/reports/${report.id}`)).json());
    expect((await p.kg1.post(`/api/assignments/${assignment.id}/reports`, body)).statusCode).toBe(409);
    expect(
      (
        await p.otherDept.post(`/api/reports/${report.id}/review`, {
          decision: "approve",
          version: report.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await p.lead.post(`/api/reports/${report.id}/review`, { decision: "return", version: report.version }))
        .statusCode,
    ).toBe(400);
    const returned = await p.lead.post(`/api/reports/${report.id}/review`, {
      decision: "return",
      reason: "请补充在园幼儿名册",
      version: report.version,
    });
    expect(returned.json()).toMatchObject({
      status: "returned",
      returnReason: "请补充在园幼儿名册",
      abilities: { review: false },
    });
    const resubmitted = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      ...body,
      doneText: "已补充名册",
    });
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json().history.map((h: { action: string }) => h.action)).toEqual([
      "submit",
      "return",
      "resubmit",
    ]);
    expect(resubmitted.json()).toEqual((await p.kg1.get(`/api/reports/${report.id}`)).json());
    const approved = await p.lead.post(`/api/reports/${report.id}/review`, {
      decision: "approve",
      version: resubmitted.json().version,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().history.map((h: { action: string }) => h.action)).toEqual([
      "submit",
      "return",
      "resubmit",
      "approve",
    ]);
    const after = (await p.lead.get(`/api/assignments/${assignment.id}`)).json();
    expect(after.progress).toBe(60);
    const nodes = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items;
    expect(nodes.filter((a: { progress: number }) => a.progress === 60)).toHaveLength(1);
  });

  it("lets one of two simultaneous reviewers win and gives the other 409", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignAndOpen(p);
    const report = (
      await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
        cycleId: cycle.id,
        progress: 30,
        submit: true,
      })
    ).json();
    const [a, b] = await Promise.all([
      p.lead.post(`/api/reports/${report.id}/review`, { decision: "approve", version: report.version }),
      p.lead.post(`/api/reports/${report.id}/review`, {
        decision: "return",
        reason: "数据有误",
        version: report.version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().error.message).toContain("已被其他人审核");
  });

  it("refuses bad reports with nothing written: progress out of range, wrong types, foreign indicators, another unit", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignAndOpen(p);
    const over = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 150,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0].path).toBe("progress");
    const typed = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: "六十",
    });
    expect(typed.json().error.details[0].path).toBe("progress");
    const foreign = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 10,
      values: [{ indicatorId: p.task9.id, value: 1 }],
    });
    expect(foreign.json().error.details[0].path).toBe("values.0.indicatorId");
    expect(
      (await p.kg2.post(`/api/assignments/${assignment.id}/reports`, { cycleId: cycle.id, progress: 10 }))
        .statusCode,
    ).toBe(404);
    expect((await p.kg1.get(`/api/assignments/${assignment.id}/reports`)).json()).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
      abilities: {},
    });
  });

  it("marks a late report and refuses any report once the cycle is closed", async () => {
    const p = await buildPublishedPlan(t);
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const { assignment, cycle } = await assignAndOpen(p, {
      name: "补报",
      startDate: day(-20),
      dueDate: day(-10),
    });
    const late = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 20,
      submit: true,
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().late).toBe(true);
    expect((await p.lead.post(`/api/cycles/${cycle.id}/close`, { version: cycle.version })).statusCode).toBe(
      403,
    );
    expect(
      (await p.supervisor.post(`/api/cycles/${cycle.id}/close`, { version: cycle.version })).statusCode,
    ).toBe(204);
    const other = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`))
      .json()
      .items.find((a: { id: string }) => a.id !== assignment.id);
    const refused = await p.kg2.post(`/api/assignments/${other.id}/reports`, {
      cycleId: cycle.id,
      progress: 10,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("填报已关闭");
  });
});

describe("/api/files evidence", () => {
  it("refuses a file whose content is not an allowed type, whatever its name", async () => {
    const p = await buildPublishedPlan(t);
    const exe = await uploadFile(p.kg1, "/api/files", {
      name: "照片.jpg",
      type: "image/jpeg",
      content: Buffer.from("MZ\x90\x00 not a photo"),
    });
    expect(exe.statusCode).toBe(415);
    const big = await uploadFile(p.kg1, "/api/files", {
      name: "big.png",
      type: "image/png",
      content: Buffer.concat([png, Buffer.alloc(21 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
  });

  it("serves a stored file to its uploader's unit, not to another tenant, inline for images", async () => {
    const p = await buildPublishedPlan(t);
    const other = await buildPublishedPlan(t);
    const id = (
      await uploadFile(p.kg1, "/api/files", { name: "a.png", type: "image/png", content: png })
    ).json().id;
    // Who else may read a file once it is attached is covered in evidence-access.routes.test.ts.
    const inline = await p.kg1.get(`/api/files/${id}?inline=1`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers["content-disposition"]).toMatch(/^inline/);
    expect(inline.rawPayload.equals(png)).toBe(true);
    expect((await other.lead.get(`/api/files/${id}`)).statusCode).toBe(404);
  });
});
