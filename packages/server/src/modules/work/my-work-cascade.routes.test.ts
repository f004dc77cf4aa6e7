import type { HandDown, MyWork, ReceivedHandDown } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildCityAndCounties, handDownTask9, inboxItem, ok } from "../../test/cascade-county-fixtures.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import type { PublishedPlan } from "../../test/plan-fixtures.js";
import { lastRequestTrace } from "../../test/rollback-faults.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

/**
 * 我的工作 across bureaus, on 2023-06-15 (TEST_NOW): the city hands its task 9 down to counties a and b (c, a
 * sibling, holds nothing), and each of the city and county a has a 整改 item handed in, waiting for its 督查室's
 * 验收 — the existing item the cross-bureau ones are ordered against.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof buildCityAndCounties>>;
let h: HandDown;
let aLeader: TestSession;
const verify = { city: "", a: "" };

const TASK_9 = "9. 促进学前教育普及普惠发展";
const reason = "学前教育普及普惠进展滞后于序时进度，请说明原因";

/** A 整改 item of the bureau's first kindergarten, handed in: its 督查室 has it to 验收. */
async function handedInRectification(p: PublishedPlan): Promise<string> {
  const item = ok<{ id: string; version: number }>(
    await p.supervisor.post("/api/rectifications", {
      problem: "消防通道堆放杂物",
      requirement: "立即清理",
      source: "manual",
      unitId: p.kindergarten.id,
      deadline: "2023-06-30",
    }),
    201,
  );
  ok(
    await p.kg1.post(`/api/rectifications/${item.id}/submit`, { measures: "已清理", version: item.version }),
  );
  return item.id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCityAndCounties(t);
  h = await handDownTask9(w.city, [w.a.tenant.id, w.b.tenant.id]);
  const leader = await buildUser(t.database.db as Db, { tenantId: w.a.tenant.id, role: "leader" });
  aLeader = await signIn(t.app, leader.login, TEST_PASSWORD);
  verify.city = await handedInRectification(w.city);
  verify.a = await handedInRectification(w.a);
}, 120_000);
afterAll(async () => t?.close());

/** A user's 我的工作, one line per item: kind, title, detail, due date, light and link. */
async function workOf(s: TestSession) {
  const page = ok<MyWork>(await s.get("/api/my-work"));
  return page.items.map((i) => [i.kind, i.title, i.detail, i.due, i.light, i.link].join(" | "));
}

const rectificationLine = (id: string) =>
  `rectification_verify | 消防通道堆放杂物 | 西城幼儿园 · 整改期限 2023-06-30 |  | grey | /rectifications/${id}`;

describe("GET /api/my-work across bureaus", () => {
  let aItem: ReceivedHandDown;
  let bItem: ReceivedHandDown;

  it("lists a hand-down to 接收 for the receiving county's 督查室 only, by the superior's due date", async () => {
    aItem = await inboxItem(w.a.supervisor);
    bItem = await inboxItem(w.b.supervisor);
    const city = w.city.tenant.name;
    const line = (id: string) =>
      `hand_down_link | ${TASK_9} | ${city}下达的任务 | 2023-12-31 | green | /cascade?tab=inbox&received=${id}`;
    expect(await workOf(w.a.supervisor)).toEqual([line(aItem.id), rectificationLine(verify.a)]);
    const days = ok<MyWork>(await w.a.supervisor.get("/api/my-work")).items.map((i) => [i.key, i.daysLeft]);
    expect(days).toEqual([
      [`hand_down_link:${aItem.id}`, 199],
      [`rectification_verify:${verify.a}`, null],
    ]);
    expect(await workOf(w.b.supervisor)).toEqual([line(bItem.id)]);
    // The sibling county holds nothing; the county's schools, departments and leaders act on no hand-down; the
    // admin sees only the 整改 item, and the city, which handed it down, has nothing of it to do.
    expect(await workOf(w.cSupervisor)).toEqual([]);
    for (const s of [w.a.kg1, w.a.lead, w.a.otherDept, aLeader, w.cityLeader])
      expect(await workOf(s)).toEqual([]);
    expect(await workOf(w.a.admin)).toEqual([rectificationLine(verify.a)]);
    expect(await workOf(w.city.supervisor)).toEqual([rectificationLine(verify.city)]);
  });

  it("lists a superior's 督办单 for the addressed county until it replies, then for the city until it decides", async () => {
    const notice = ok<{ id: string; version: number }>(
      await w.city.supervisor.post(`/api/hand-downs/${h.id}/notices`, {
        tenantId: w.a.tenant.id,
        level: "yellow",
        reason,
        replyDue: "2023-06-25",
      }),
      201,
    );
    const city = w.city.tenant.name;
    const county = w.a.tenant.name;
    const toReply = (suffix = "") =>
      `cascade_notice_reply | ${TASK_9} | 黄色警示 · ${city} · ${reason}${suffix} | 2023-06-25 | green | /cascade?tab=notices&notice=${notice.id}`;
    const hand = `hand_down_link | ${TASK_9} | ${city}下达的任务 | 2023-12-31 | green | /cascade?tab=inbox&received=${aItem.id}`;
    expect(await workOf(w.a.supervisor)).toEqual([toReply(), hand, rectificationLine(verify.a)]);
    for (const s of [w.b.supervisor, w.cSupervisor, w.a.kg1, w.a.lead, aLeader])
      expect((await workOf(s)).filter((l) => l.startsWith("cascade_notice"))).toEqual([]);

    const replied = ok<{ version: number }>(
      await w.a.supervisor.post(`/api/cascade/notices/${notice.id}/reply`, {
        version: 0,
        text: "已增设学位",
      }),
    );
    expect(await workOf(w.a.supervisor)).toEqual([hand, rectificationLine(verify.a)]);
    // Both waiting since the same instant of the app's clock: the tie goes by kind, the county's answer first.
    const toDecide = `cascade_notice_decide | ${TASK_9} | 黄色警示 · ${county} · ${reason} |  | grey | /cascade?tab=down&handDown=${h.id}`;
    expect(await workOf(w.city.supervisor)).toEqual([toDecide, rectificationLine(verify.city)]);
    for (const s of [w.cityLeader, w.city.admin, w.b.supervisor, w.cSupervisor])
      expect((await workOf(s)).filter((l) => l.startsWith("cascade_notice"))).toEqual([]);

    const decide = (version: number, body: Record<string, string>) =>
      w.city.supervisor.post(`/api/hand-down-notices/${notice.id}/decision`, { version, ...body });
    const returned = ok<{ version: number }>(
      await decide(replied.version, { decision: "return", reason: "请补充数据" }),
    );
    expect(await workOf(w.city.supervisor)).toEqual([rectificationLine(verify.city)]);
    expect((await workOf(w.a.supervisor))[0]).toBe(toReply(" · 回复被退回"));

    const again = ok<{ version: number }>(
      await w.a.supervisor.post(`/api/cascade/notices/${notice.id}/reply`, {
        version: returned.version,
        text: "已补充数据",
      }),
    );
    expect((await workOf(w.city.supervisor))[0]).toBe(toDecide);
    ok(await decide(again.version, { decision: "accept" }));
    expect(await workOf(w.city.supervisor)).toEqual([rectificationLine(verify.city)]);
    expect(await workOf(w.a.supervisor)).toEqual([hand, rectificationLine(verify.a)]);
  });

  it("drops a hand-down once the county links it or returns it", async () => {
    ok(
      await w.a.supervisor.post(`/api/cascade/inbox/${aItem.id}/link`, {
        version: aItem.version,
        nodeId: w.a.task9.id,
      }),
    );
    expect(await workOf(w.a.supervisor)).toEqual([rectificationLine(verify.a)]);
    ok(
      await w.b.supervisor.post(`/api/cascade/inbox/${bItem.id}/return`, {
        version: bItem.version,
        reason: "本县无此项",
      }),
    );
    expect(await workOf(w.b.supervisor)).toEqual([]);
  });

  it("reads 上下联动 only for the 督查室, one statement per source, and nothing more for anyone else", async () => {
    const handlerStatements = async (s: TestSession) => {
      ok(await s.get("/api/my-work"));
      return lastRequestTrace().handlerQueries;
    };
    const counts = {
      school: await handlerStatements(w.a.kg1),
      department: await handlerStatements(w.a.lead),
      leader: await handlerStatements(aLeader),
      admin: await handlerStatements(w.a.admin),
      supervisor: await handlerStatements(w.a.supervisor),
    };
    // Without the cross-bureau sources these were 5, 6, 0, 1 and 3: only the 督查室 reads its inbox, and in one
    // statement the notices addressed to its bureau and those it issued. They were 9, 10, 0, 1 and 7 before each
    // source of several statuses or scopes became one statement (督办单 without a count, 整改, 延期 of both steps,
    // the two sides of 上级督办) and a unit's assignments came with their indicator ids.
    expect(counts).toEqual({ school: 5, department: 6, leader: 0, admin: 1, supervisor: 5 });
  });
});
