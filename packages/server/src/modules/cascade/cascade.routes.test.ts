import type {
  Assignment,
  CyclePage,
  HandDown,
  NodeRequirementPage,
  ReceivedHandDown,
  Report,
  SubordinatePage,
} from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { cascadeLinks } from "../../db/schema.js";
import {
  auditCount,
  buildCityAndCounties,
  handDownTask9,
  inboxItem,
  ok,
  ownTask9,
  reportAndApprove,
} from "../../test/cascade-county-fixtures.js";
import { lastRequestTrace } from "../../test/rollback-faults.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let w: Awaited<ReturnType<typeof buildCityAndCounties>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildCityAndCounties(t);
}, 120_000);
afterAll(async () => t?.close());

describe("上下联动 cascade across bureaus", () => {
  it("answers 401 on every endpoint without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["GET", "/api/cascade/subordinates"],
      ["POST", `/api/nodes/${id}/hand-downs`],
      ["GET", `/api/nodes/${id}/requirements`],
      ["GET", `/api/hand-downs?planId=${id}`],
      ["GET", `/api/hand-downs/${id}`],
      ["GET", "/api/cascade/inbox"],
      ["GET", `/api/cascade/inbox/${id}`],
      ["POST", `/api/cascade/inbox/${id}/link`],
      ["POST", `/api/cascade/inbox/${id}/return`],
    ] as const)
      expect(
        (await t.app.inject({ method, url, payload: method === "POST" ? {} : undefined })).statusCode,
      ).toBe(401);
  });

  it("lists the city's direct subordinates to its 督查室 and leaders only", async () => {
    const page = ok<SubordinatePage>(await w.city.supervisor.get("/api/cascade/subordinates"));
    expect(page.items.map((s) => s.id).sort()).toEqual([w.a.tenant.id, w.b.tenant.id, w.c.id].sort());
    expect(page.abilities).toEqual({ handDown: true });
    expect(ok<SubordinatePage>(await w.cityLeader.get("/api/cascade/subordinates")).abilities).toEqual({
      handDown: false,
    });
    expect((await w.city.kg1.get("/api/cascade/subordinates")).statusCode).toBe(403);
    expect((await w.city.lead.get("/api/cascade/subordinates")).statusCode).toBe(403);
  });

  it("refuses a hand-down by a leader, to a bureau that is not directly below, and of a section", async () => {
    const body = { tenantIds: [w.a.tenant.id] };
    expect((await w.cityLeader.post(`/api/nodes/${w.city.task9.id}/hand-downs`, body)).statusCode).toBe(403);
    // A county hands down nothing to its city, nor to a sibling county.
    const up = await w.a.supervisor.post(`/api/nodes/${w.a.task9.id}/hand-downs`, {
      tenantIds: [w.b.tenant.id],
    });
    expect(up.statusCode).toBe(400);
    expect(up.json().error.details).toEqual([{ path: "tenantIds.0", message: "不是本局的直属下级教育局" }]);
    // Another bureau's node is not found, whatever the body names.
    expect((await w.city.supervisor.post(`/api/nodes/${w.a.task9.id}/hand-downs`, body)).statusCode).toBe(
      404,
    );
    expect((await w.city.supervisor.post(`/api/nodes/${w.city.task9.id}/hand-downs`, {})).statusCode).toBe(
      400,
    );
  });

  it("hands task 9 down once per bureau with its targets, however often it is sent", async () => {
    const first = await handDownTask9(w.city, [w.a.tenant.id, w.b.tenant.id]);
    const again = await handDownTask9(w.city, [w.a.tenant.id, w.b.tenant.id, w.c.id]);
    expect(again.id).toBe(first.id);
    expect(again.counties.map((c) => [c.tenant.id, c.status]).sort()).toEqual(
      [
        [w.a.tenant.id, "pending"],
        [w.b.tenant.id, "pending"],
        [w.c.id, "pending"],
      ].sort(),
    );
    expect(again.targets.map((x) => [x.name, x.comparator, x.value, x.unit, x.rollup])).toEqual([
      ["公办幼儿园在园幼儿占比", "gte", 50, "%", "ratio"],
      ["普惠园覆盖率", "gte", 85, "%", "ratio"],
    ]);
    expect(again.rollup).toEqual({
      light: null,
      progress: 0,
      coverage: { reported: 0, expected: 3 },
      targets: [
        { value: null, reported: 0 },
        { value: null, reported: 0 },
      ],
    });
    expect(await auditCount(t, w.city.tenant.id, "hand_down.create")).toBe(2);
    await handDownTask9(w.city, [w.a.tenant.id]);
    expect(await auditCount(t, w.city.tenant.id, "hand_down.create")).toBe(2);
  });

  it("shows each county its inbox item with the city's text, targets and due date", async () => {
    const item = await inboxItem(w.a.supervisor);
    expect(item).toMatchObject({
      from: { id: w.city.tenant.id },
      superiorNode: { label: "9." },
      title: w.city.task9.title,
      text: w.city.task9.text,
      status: "pending",
      linkedNode: null,
      version: 0,
      abilities: { link: true, return: true },
    });
    expect(item.dueDate).toBe(w.city.task9.dueDate);
    expect((await w.a.supervisor.get("/api/cascade/inbox?status=linked")).json().total).toBe(0);
  });

  it("refuses the inbox to a county's school, another county's item with 404 and the city's hand-down to a county", async () => {
    const item = await inboxItem(w.a.supervisor);
    const link = { version: 0, nodeId: w.a.task9.id };
    expect((await w.a.kg1.get("/api/cascade/inbox")).statusCode).toBe(403);
    expect((await w.a.kg1.get(`/api/cascade/inbox/${item.id}`)).statusCode).toBe(403);
    expect((await w.a.kg1.post(`/api/cascade/inbox/${item.id}/link`, link)).statusCode).toBe(403);
    expect((await w.a.lead.post(`/api/cascade/inbox/${item.id}/link`, link)).statusCode).toBe(403);
    expect((await w.b.supervisor.get(`/api/cascade/inbox/${item.id}`)).statusCode).toBe(404);
    expect((await w.b.supervisor.post(`/api/cascade/inbox/${item.id}/link`, link)).statusCode).toBe(404);
    expect((await w.city.supervisor.get(`/api/cascade/inbox/${item.id}`)).statusCode).toBe(404);
    const handDown = (await w.city.supervisor.get(`/api/hand-downs?planId=${w.city.planId}`)).json().items[0];
    expect((await w.a.supervisor.get(`/api/hand-downs/${handDown.id}`)).statusCode).toBe(404);
    expect((await w.a.supervisor.get(`/api/hand-downs?planId=${w.city.planId}`)).statusCode).toBe(404);
    // Linking to another county's task: that task is not found.
    expect(
      (await w.a.supervisor.post(`/api/cascade/inbox/${item.id}/link`, { version: 0, nodeId: w.b.task9.id }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.a.supervisor.post(`/api/cascade/inbox/${item.id}/link`, { version: 5, nodeId: w.a.task9.id }))
        .statusCode,
    ).toBe(409);
  });

  it("links county A's own task 9 and shows the city's requirement on it", async () => {
    const item = await inboxItem(w.a.supervisor);
    const linked = ok<ReceivedHandDown>(
      await w.a.supervisor.post(`/api/cascade/inbox/${item.id}/link`, { version: 0, nodeId: w.a.task9.id }),
    );
    expect(linked).toMatchObject({
      status: "linked",
      linkedNode: { id: w.a.task9.id, planId: w.a.planId, label: "9." },
      version: 1,
      abilities: { link: false, return: false },
    });
    const again = await w.a.supervisor.post(`/api/cascade/inbox/${item.id}/link`, {
      version: 1,
      nodeId: w.a.task9.id,
    });
    expect(again.statusCode).toBe(409);
    const reqs = ok<NodeRequirementPage>(await w.a.kg1.get(`/api/nodes/${w.a.task9.id}/requirements`));
    expect(reqs.items.map((r) => [r.from.id, r.text])).toEqual([[w.city.tenant.id, w.city.task9.text]]);
    expect(await auditCount(t, w.a.tenant.id, "cascade_link.link")).toBe(1);
  });

  it("creates county B's task from the hand-down under the same section, targets included", async () => {
    const item = await inboxItem(w.b.supervisor);
    const { all } = await ownTask9(w.b);
    const section = all.find((n) => n.children.some((c) => c.id === w.b.task9.id))!;
    const linked = ok<ReceivedHandDown>(
      await w.b.supervisor.post(`/api/cascade/inbox/${item.id}/link`, {
        version: 0,
        create: { planId: w.b.planId, parentId: section.id },
      }),
    );
    const after = await ownTask9(w.b);
    const made = after.all.find((n) => n.id === linked.linkedNode!.id)!;
    expect(after.all.find((n) => n.id === section.id)!.children.at(-1)!.id).toBe(made.id);
    expect([made.level, made.title, made.text, made.dueDate]).toEqual([
      "task",
      w.city.task9.title,
      w.city.task9.text,
      w.city.task9.dueDate,
    ]);
    expect(made.indicators.map((i) => [i.name, i.comparator, i.targetValue, i.unit])).toEqual([
      ["公办幼儿园在园幼儿占比", "gte", 50, "%"],
      ["普惠园覆盖率", "gte", 85, "%"],
    ]);
  });

  it("returns county C's item with its reason, which the city sees", async () => {
    const item = await inboxItem(w.cSupervisor);
    const returned = ok<ReceivedHandDown>(
      await w.cSupervisor.post(`/api/cascade/inbox/${item.id}/return`, {
        version: 0,
        reason: "本县无公办幼儿园",
      }),
    );
    expect([returned.status, returned.returnReason, returned.abilities]).toEqual([
      "returned",
      "本县无公办幼儿园",
      { link: true, return: false },
    ]);
    expect(await auditCount(t, w.c.id, "cascade_link.return")).toBe(1);
    // The return's instant is kept, so a past day's 上级通报 shows it returned even once it is linked later.
    const [row] = await (t.database.db as Db)
      .select({ returnedAt: cascadeLinks.returnedAt })
      .from(cascadeLinks)
      .where(eq(cascadeLinks.id, item.id));
    expect(row!.returnedAt).toEqual(t.clock.now());
  });

  it("rolls county A's approved reports up to the city exactly, with coverage over the three counties", async () => {
    await reportAndApprove(t, w.a);
    const page = ok<{ items: HandDown[] }>(
      await w.city.supervisor.get(`/api/hand-downs?planId=${w.city.planId}`),
    );
    const h = ok<HandDown>(await w.cityLeader.get(`/api/hand-downs/${page.items[0]!.id}`));
    expect(page.items[0]).toEqual(h);
    const a = (await ownTask9(w.a)).task9;
    const row = (id: string) => h.counties.find((c) => c.tenant.id === id)!;
    expect(row(w.a.tenant.id)).toMatchObject({
      status: "linked",
      light: "yellow",
      progress: 30,
      summary: { doneText: "新增公办学位120个" },
      values: [50, null],
    });
    // The figures are the county's own plan page's, read through the link.
    expect([a.light, a.progress, a.indicators[0]!.actual]).toEqual(["yellow", 30, 50]);
    // The summary is the report the county's own list of approved reports shows first.
    const first = ok<{ items: Report[] }>(
      await w.a.supervisor.get(`/api/nodes/${a.id}/reports?status=approved&page=1&pageSize=1`),
    ).items[0]!;
    expect(row(w.a.tenant.id).summary).toEqual({
      cycle: first.cycle.name,
      doneText: first.doneText,
      approvedAt: first.reviewedAt,
    });
    expect(row(w.b.tenant.id)).toMatchObject({
      status: "linked",
      light: "yellow",
      progress: 0,
      summary: null,
    });
    expect(row(w.c.id)).toMatchObject({ status: "returned", returnReason: "本县无公办幼儿园", light: null });
    expect(h.rollup).toEqual({
      light: "yellow",
      progress: 10,
      coverage: { reported: 1, expected: 3 },
      targets: [
        { value: 50, reported: 1 },
        { value: null, reported: 0 },
      ],
    });
  });

  it("keeps each county's figures while its data version stands still; a county's approval moves them at once", async () => {
    const path = `/api/hand-downs?planId=${w.city.planId}`;
    const warm = ok<{ items: HandDown[] }>(await w.city.supervisor.get(path));
    ok(await w.city.supervisor.get(path));
    // The session, the city's own rows and one read of the counties' versions: no county's plan is recomputed.
    const kept = lastRequestTrace().all;
    expect(kept, `${kept} statements for a roll-up of kept counties`).toBe(7);
    // County A's first kindergarten reports again in a new cycle, approved by its 学前教育科.
    const list = ok<{ items: Assignment[] }>(await w.a.lead.get(`/api/nodes/${w.a.task9.id}/assignments`));
    const mine = list.items.find((a) => a.unit.id === w.a.kindergarten.id)!;
    const cycles = ok<CyclePage>(await w.a.supervisor.get(`/api/plans/${w.a.planId}/cycles`));
    const june = cycles.items.find((c) => c.status === "open")!;
    const closed = await w.a.supervisor.post(`/api/cycles/${june.id}/close`, { version: june.version });
    expect(closed.statusCode, closed.body).toBe(204);
    const cycle = ok<{ id: string }>(await w.a.supervisor.post(`/api/plans/${w.a.planId}/cycles`, {}), 201);
    const indicatorId = w.a.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
    t.clock.advance(60_000);
    const report = ok<{ id: string; version: number }>(
      await w.a.kg1.post(`/api/assignments/${mine.id}/reports`, {
        cycleId: cycle.id,
        progress: 90,
        doneText: "新增公办学位200个",
        values: [{ indicatorId, value: 70 }],
        submit: true,
      }),
      201,
    );
    ok(
      await w.a.lead.post(`/api/reports/${report.id}/review`, {
        decision: "approve",
        version: report.version,
      }),
    );
    const moved = ok<{ items: HandDown[] }>(await w.city.supervisor.get(path));
    // County A's item alone is read again (its node, its plan's page, its latest approval).
    const fresh = lastRequestTrace().all;
    expect(fresh, `${fresh} statements once county A has moved`).toBe(20);
    const row = (page: { items: HandDown[] }, id: string) =>
      page.items[0]!.counties.find((c) => c.tenant.id === id)!;
    expect(row(warm, w.a.tenant.id)).toMatchObject({
      progress: 30,
      summary: { doneText: "新增公办学位120个" },
    });
    expect(row(moved, w.a.tenant.id)).toMatchObject({
      progress: 55,
      summary: { doneText: "新增公办学位200个" },
      values: [55, null],
    });
    expect(row(moved, w.b.tenant.id)).toEqual(row(warm, w.b.tenant.id));
  });

  it("weighs the counties in the roll-up's progress as the 督查室 sets them, refusing what it may not", async () => {
    const path = `/api/hand-downs?planId=${w.city.planId}`;
    const before = ok<{ items: HandDown[] }>(await w.city.supervisor.get(path)).items[0]!;
    const url = `/api/hand-downs/${before.id}/weights`;
    // 甲 at 55 %, 乙 at 0 and 丙 (returned) at 0, each weighing 1.
    expect([before.version, before.counties.map((c) => c.weight), before.rollup.progress]).toEqual([
      0,
      [1, 1, 1],
      18.3,
    ]);
    const body = {
      version: 0,
      weights: [
        { tenantId: w.a.tenant.id, weight: 2 },
        { tenantId: w.c.id, weight: 0 },
      ],
    };
    expect((await w.cityLeader.put(url, body)).statusCode).toBe(403);
    expect((await w.city.lead.put(url, body)).statusCode).toBe(403);
    expect((await w.a.supervisor.put(url, body)).statusCode).toBe(404);
    for (const bad of [
      { ...body, weights: [{ tenantId: w.city.tenant.id, weight: 2 }] },
      { ...body, weights: [{ tenantId: w.a.tenant.id, weight: -1 }] },
      { ...body, weights: [{ tenantId: w.a.tenant.id, weight: "2" }] },
      { ...body, weights: [] },
      { weights: body.weights },
    ]) {
      const res = await w.city.supervisor.put(url, bad);
      expect([JSON.stringify(bad), res.statusCode]).toEqual([JSON.stringify(bad), 400]);
    }
    const set = ok<HandDown>(await w.city.supervisor.put(url, body));
    const weightOf = (h: HandDown, id: string) => h.counties.find((c) => c.tenant.id === id)!.weight;
    // (55 × 2 + 0 × 1 + 0 × 0) / 3 = 36.7.
    expect([
      set.version,
      weightOf(set, w.a.tenant.id),
      weightOf(set, w.b.tenant.id),
      weightOf(set, w.c.id),
    ]).toEqual([1, 2, 1, 0]);
    expect(set.rollup.progress).toBe(36.7);
    expect(ok<HandDown>(await w.cityLeader.get(`/api/hand-downs/${before.id}`))).toEqual(set);
    expect(await auditCount(t, w.city.tenant.id, "hand_down.weights")).toBe(1);
    // A county left out keeps its weight; the old version is refused and changes nothing.
    expect((await w.city.supervisor.put(url, body)).statusCode).toBe(409);
    const again = ok<HandDown>(
      await w.city.supervisor.put(url, { version: 1, weights: [{ tenantId: w.b.tenant.id, weight: 1.5 }] }),
    );
    expect(again.counties.map((c) => [c.tenant.id, c.weight])).toEqual(
      set.counties.map((c) => [c.tenant.id, c.tenant.id === w.b.tenant.id ? 1.5 : c.weight]),
    );
    expect(await auditCount(t, w.city.tenant.id, "hand_down.weights")).toBe(2);
  });
});
