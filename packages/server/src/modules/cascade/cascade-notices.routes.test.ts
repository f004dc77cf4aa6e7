import type { CascadeNotice, HandDown } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import {
  auditCount,
  buildCityAndCounties,
  handDownTask9,
  inboxItem,
  ok,
} from "../../test/cascade-county-fixtures.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { toldOf } from "../../test/notification-fixtures.js";
import { docxParts } from "../../test/office-tools.js";
import { armFault, disarmFault, lastRequestTrace } from "../../test/rollback-faults.js";
import { snapshotTenant } from "../../test/rollback-snapshot.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let w: Awaited<ReturnType<typeof buildCityAndCounties>>;
let h: HandDown;
let aSupervisor2: TestSession;
let aLeader: TestSession;
const ids = { citySupervisor: "", aSupervisor: "", aSupervisor2: "" };
let first: CascadeNotice;

const meOf = async (s: TestSession) => ok<{ id: string }>(await s.get("/api/auth/me")).id;
const reason = "学前教育普及普惠进展滞后于序时进度，请说明原因并报送整改措施";

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCityAndCounties(t);
  h = await handDownTask9(w.city, [w.a.tenant.id, w.b.tenant.id, w.c.id]);
  const cItem = await inboxItem(w.cSupervisor);
  ok(await w.cSupervisor.post(`/api/cascade/inbox/${cItem.id}/return`, { version: 0, reason: "本县无此项" }));
  const db = t.database.db as Db;
  const [sup2, leader] = await Promise.all([
    buildUser(db, { tenantId: w.a.tenant.id, role: "supervisor" }),
    buildUser(db, { tenantId: w.a.tenant.id, role: "leader" }),
  ]);
  aSupervisor2 = await signIn(t.app, sup2.login, TEST_PASSWORD);
  aLeader = await signIn(t.app, leader.login, TEST_PASSWORD);
  ids.citySupervisor = await meOf(w.city.supervisor);
  ids.aSupervisor = await meOf(w.a.supervisor);
  ids.aSupervisor2 = sup2.id;
}, 120_000);
afterAll(async () => t?.close());

const issue = (s: TestSession, body: Record<string, unknown>, handDownId = h.id) =>
  s.post(`/api/hand-downs/${handDownId}/notices`, {
    tenantId: w.a.tenant.id,
    level: "yellow",
    reason,
    replyDue: "2023-06-25",
    ...body,
  });

describe("上级督办: the city's 督办单 to a county bureau", () => {
  it("answers 401 on every route without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["POST", `/api/hand-downs/${id}/notices`],
      ["GET", `/api/hand-downs/${id}/notices`],
      ["POST", `/api/hand-down-notices/${id}/decision`],
      ["GET", "/api/cascade/notices"],
      ["GET", `/api/cascade/notices/${id}`],
      ["POST", `/api/cascade/notices/${id}/reply`],
      ["GET", `/api/hand-down-notices/${id}/document`],
      ["GET", `/api/cascade/notices/${id}/document`],
    ] as const)
      expect(
        (await t.app.inject({ method, url, payload: method === "POST" ? {} : undefined })).statusCode,
      ).toBe(401);
  });

  it("refuses bad input, a past reply date, a bureau that does not hold the item and one that returned it", async () => {
    const s = w.city.supervisor;
    expect((await issue(s, { level: "green" })).statusCode).toBe(400);
    expect((await issue(s, { reason: "  " })).statusCode).toBe(400);
    expect((await issue(s, { replyDue: "2023-02-30" })).statusCode).toBe(400);
    const details = async (body: Record<string, unknown>) => {
      const res = await issue(s, body);
      expect(res.statusCode).toBe(400);
      return res.json().error.details;
    };
    expect(await details({ replyDue: "2023-06-14" })).toEqual([
      { path: "replyDue", message: "回复期限不能早于今天" },
    ]);
    expect(await details({ tenantId: w.city.tenant.id })).toEqual([
      { path: "tenantId", message: "该下级教育局没有收到这项下达任务" },
    ]);
    expect(await details({ tenantId: w.c.id })).toEqual([
      { path: "tenantId", message: "该下级教育局已退回这项任务，不能对其督办" },
    ]);
    expect((await w.cSupervisor.get("/api/cascade/notices")).json().total).toBe(0);
  });

  it("refuses issuing to the city's leader, department and school, and another bureau's hand-down with 404", async () => {
    expect((await issue(w.cityLeader, {})).statusCode).toBe(403);
    expect((await issue(w.city.lead, {})).statusCode).toBe(403);
    expect((await issue(w.city.kg1, {})).statusCode).toBe(403);
    expect((await w.city.lead.get(`/api/hand-downs/${h.id}/notices`)).statusCode).toBe(403);
    // A county's supervisor cannot reach the city's hand-down, to issue on it or to list its notices.
    expect((await issue(w.a.supervisor, {})).statusCode).toBe(404);
    expect((await w.a.supervisor.get(`/api/hand-downs/${h.id}/notices`)).statusCode).toBe(404);
  });

  it("issues a yellow notice to county A with the city's first 文号 and tells A's supervisors only", async () => {
    first = ok<CascadeNotice>(await issue(w.city.supervisor, {}), 201);
    expect(first).toEqual({
      id: first.id,
      from: { id: w.city.tenant.id, name: w.city.tenant.name },
      to: { id: w.a.tenant.id, name: w.a.tenant.name },
      handDownId: h.id,
      receivedId: null,
      item: { label: "9.", title: w.city.task9.title },
      documentNumber: "督办〔2023〕1号",
      level: "yellow",
      reason,
      replyDue: "2023-06-25",
      status: "open",
      version: 0,
      createdAt: "2023-06-15T01:00:00.000Z",
      events: [
        {
          action: "issue",
          bureau: w.city.tenant.name,
          actorName: expect.any(String),
          text: reason,
          measures: null,
          createdAt: "2023-06-15T01:00:00.000Z",
        },
      ],
      abilities: { reply: false, decide: false },
    });
    const told = await toldOf(t, w.a.tenant.id, "cascade_notice.issued");
    expect(told.users).toEqual([ids.aSupervisor, ids.aSupervisor2].sort());
    expect(told.links).toEqual([`/cascade?tab=notices&notice=${first.id}`]);
    expect((await toldOf(t, w.b.tenant.id, "cascade_notice.issued")).users).toEqual([]);
    expect((await toldOf(t, w.city.tenant.id, "cascade_notice.issued")).users).toEqual([]);
    expect(await auditCount(t, w.city.tenant.id, "cascade_notice.create")).toBe(1);
    // A second live notice to the same bureau on the same item only repeats the first.
    const again = await issue(w.city.supervisor, { level: "red" });
    expect([again.statusCode, again.json().error.code]).toEqual([409, "conflict"]);
  });

  it("lists the hand-down's notices to the city's 督查室 and leaders, issuing offered to the 督查室", async () => {
    const page = ok<{ items: CascadeNotice[]; total: number; abilities: unknown }>(
      await w.city.supervisor.get(`/api/hand-downs/${h.id}/notices`),
    );
    expect([page.items.map((n) => n.id), page.total, page.abilities]).toEqual([
      [first.id],
      1,
      { issue: true },
    ]);
    const read = ok<{ items: CascadeNotice[]; abilities: unknown }>(
      await w.cityLeader.get(`/api/hand-downs/${h.id}/notices`),
    );
    expect([read.items[0]!.abilities, read.abilities]).toEqual([
      { reply: false, decide: false },
      { issue: false },
    ]);
  });

  it("shows county A the notice through its own inbox item and nobody else", async () => {
    const item = await inboxItem(w.a.supervisor);
    const page = ok<{
      items: CascadeNotice[];
      total: number;
      page: number;
      pageSize: number;
      abilities: unknown;
    }>(await w.a.supervisor.get("/api/cascade/notices"));
    expect([page.total, page.page, page.pageSize, page.abilities]).toEqual([1, 1, 20, {}]);
    expect(page.items[0]).toMatchObject({
      id: first.id,
      handDownId: null,
      receivedId: item.id,
      documentNumber: "督办〔2023〕1号",
      abilities: { reply: true, decide: false },
    });
    expect(ok<CascadeNotice>(await aLeader.get(`/api/cascade/notices/${first.id}`)).abilities).toEqual({
      reply: false,
      decide: false,
    });
    const reply = { version: 0, text: "已部署" };
    expect((await w.a.kg1.get("/api/cascade/notices")).statusCode).toBe(403);
    expect((await w.a.lead.get(`/api/cascade/notices/${first.id}`)).statusCode).toBe(403);
    expect((await aLeader.post(`/api/cascade/notices/${first.id}/reply`, reply)).statusCode).toBe(403);
    // Another county, and the city itself, do not find it among the notices addressed to them.
    expect((await w.b.supervisor.get("/api/cascade/notices")).json().total).toBe(0);
    expect((await w.b.supervisor.get(`/api/cascade/notices/${first.id}`)).statusCode).toBe(404);
    expect((await w.b.supervisor.post(`/api/cascade/notices/${first.id}/reply`, reply)).statusCode).toBe(404);
    expect((await w.city.supervisor.get(`/api/cascade/notices/${first.id}`)).statusCode).toBe(404);
    // Nor does the county reach the city's decision on it.
    const decide = { decision: "accept", version: 0 };
    expect(
      (await w.a.supervisor.post(`/api/hand-down-notices/${first.id}/decision`, decide)).statusCode,
    ).toBe(404);
    expect(
      (await w.b.supervisor.post(`/api/hand-down-notices/${first.id}/decision`, decide)).statusCode,
    ).toBe(404);
  });

  it("prints the 督办通知单 for both bureaus under the city's 文号, A as 主送机关, and for no other county", async () => {
    const text = async (res: { statusCode: number; rawPayload: Buffer }) => {
      expect(res.statusCode).toBe(200);
      const { document } = await docxParts(res.rawPayload);
      return [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    };
    const received = await w.a.supervisor.get(`/api/cascade/notices/${first.id}/document`);
    expect(received.headers["content-disposition"]).toBe(
      `attachment; filename="notice-${first.id}.docx"; filename*=UTF-8''${encodeURIComponent("督办〔2023〕1号.docx")}`,
    );
    const printed = await text(received);
    for (const part of [
      `${w.city.tenant.name}督查室`,
      "督办〔2023〕1号",
      "督办通知单",
      `${w.a.tenant.name}：`,
      w.city.task9.title,
      "黄色警示",
      reason,
      "2023年6月25日前",
    ])
      expect(printed).toContain(part);
    expect(await text(await w.cityLeader.get(`/api/hand-down-notices/${first.id}/document`))).toBe(printed);
    expect((await w.b.supervisor.get(`/api/cascade/notices/${first.id}/document`)).statusCode).toBe(404);
    expect((await w.a.supervisor.get(`/api/hand-down-notices/${first.id}/document`)).statusCode).toBe(404);
    expect((await w.a.kg1.get(`/api/cascade/notices/${first.id}/document`)).statusCode).toBe(403);
  });

  it("takes A's reply at the current version only, and tells the city's issuer", async () => {
    const url = `/api/cascade/notices/${first.id}/reply`;
    expect((await w.a.supervisor.post(url, { version: 0, text: "" })).statusCode).toBe(400);
    expect((await w.a.supervisor.post(url, { version: 3, text: "已部署" })).statusCode).toBe(409);
    expect(
      (
        await w.city.supervisor.post(`/api/hand-down-notices/${first.id}/decision`, {
          decision: "accept",
          version: 0,
        })
      ).statusCode,
    ).toBe(409);
    const replied = ok<CascadeNotice>(
      await w.a.supervisor.post(url, {
        version: 0,
        text: "已召开专题会议部署",
        measures: "新增公办学位120个",
      }),
    );
    expect([replied.status, replied.version, replied.abilities]).toEqual([
      "replied",
      1,
      { reply: false, decide: false },
    ]);
    expect(replied.events.map((e) => [e.action, e.bureau, e.text, e.measures])).toEqual([
      ["issue", w.city.tenant.name, reason, null],
      ["reply", w.a.tenant.name, "已召开专题会议部署", "新增公办学位120个"],
    ]);
    // Answered, it waits for the city: a second answer is refused whatever the version.
    expect((await aSupervisor2.post(url, { version: 1, text: "再次回复" })).statusCode).toBe(409);
    const told = await toldOf(t, w.city.tenant.id, "cascade_notice.replied");
    expect([told.users, told.links]).toEqual([[ids.citySupervisor], [`/cascade?tab=down&handDown=${h.id}`]]);
    expect(await auditCount(t, w.a.tenant.id, "cascade_notice.reply")).toBe(1);
    const issued = ok<{ items: CascadeNotice[] }>(
      await w.city.supervisor.get(`/api/hand-downs/${h.id}/notices`),
    );
    expect(issued.items[0]!.abilities).toEqual({ reply: false, decide: true });
  });

  it("returns the answer with a reason, takes a second one, accepts it, and numbers the next notice 2号", async () => {
    const url = `/api/hand-down-notices/${first.id}/decision`;
    expect((await w.city.supervisor.post(url, { decision: "return", version: 1 })).statusCode).toBe(400);
    expect((await w.cityLeader.post(url, { decision: "accept", version: 1 })).statusCode).toBe(403);
    expect((await w.city.supervisor.post(url, { decision: "accept", version: 0 })).statusCode).toBe(409);
    const returned = ok<CascadeNotice>(
      await w.city.supervisor.post(url, { decision: "return", reason: "请补充完成时限", version: 1 }),
    );
    expect([returned.status, returned.version]).toEqual(["returned", 2]);
    const decided = await toldOf(t, w.a.tenant.id, "cascade_notice.decided");
    expect(decided.users).toEqual([ids.aSupervisor, ids.aSupervisor2].sort());
    ok(
      await w.a.supervisor.post(`/api/cascade/notices/${first.id}/reply`, {
        version: 2,
        text: "9月底前完成",
      }),
    );
    const accepted = ok<CascadeNotice>(await w.city.supervisor.post(url, { decision: "accept", version: 3 }));
    expect([accepted.status, accepted.version, accepted.events.map((e) => e.action)]).toEqual([
      "accepted",
      4,
      ["issue", "reply", "return", "reply", "accept"],
    ]);
    expect((await w.city.supervisor.post(url, { decision: "accept", version: 4 })).statusCode).toBe(409);
    expect([
      await auditCount(t, w.city.tenant.id, "cascade_notice.return"),
      await auditCount(t, w.city.tenant.id, "cascade_notice.accept"),
      await auditCount(t, w.a.tenant.id, "cascade_notice.reply"),
    ]).toEqual([1, 1, 2]);
    // Each bureau's audit log names the notice by the city's 文号 and the item.
    const titles = async (s: TestSession, action: string) =>
      ok<{ items: { entityTitle: string | null }[] }>(
        await s.get(`/api/audit-logs?action=${action}`),
      ).items.map((e) => e.entityTitle);
    const title = `督办〔2023〕1号 · ${w.city.task9.title}`;
    expect(await titles(w.a.admin, "cascade_notice.reply")).toEqual([title, title]);
    expect(await titles(w.city.admin, "cascade_notice.accept")).toEqual([title]);
    // Settled, it no longer blocks a new notice, which takes the city's next number.
    const next = ok<CascadeNotice>(await issue(w.city.supervisor, { level: "red" }), 201);
    expect(next.documentNumber).toBe("督办〔2023〕2号");
    const list = (status: string) => w.a.supervisor.get(`/api/cascade/notices?status=${status}`);
    expect([(await list("accepted")).json().total, (await list("open")).json().total]).toEqual([1, 1]);
    expect((await list("closed")).statusCode).toBe(400);
  });

  it("leaves both bureaus as they were when any write of an issue or a reply fails", async () => {
    const bureaus = [w.city.tenant.id, w.b.tenant.id];
    const snap = () => Promise.all(bureaus.map((id) => snapshotTenant(t, id)));
    const replay = async (send: () => Promise<{ statusCode: number; body: string }>) => {
      for (let nth = 1; nth < 50; nth++) {
        const before = await snap();
        armFault({ nth, count: "writes" });
        const res = await send();
        disarmFault();
        if (!lastRequestTrace().failed) return { writes: nth - 1, res };
        expect(res.statusCode).toBe(500);
        expect(await snap()).toEqual(before);
      }
      throw new Error("too many writes");
    };
    const issued = await replay(() => issue(w.city.supervisor, { tenantId: w.b.tenant.id }));
    const notice = ok<CascadeNotice>(issued.res, 201);
    // Each of the issue's six writes failed once, in a replay of its own, before the one that went through.
    expect(issued.writes).toBe(6);
    const replied = await replay(() =>
      w.b.supervisor.post(`/api/cascade/notices/${notice.id}/reply`, { version: 0, text: "已整改" }),
    );
    expect([replied.res.statusCode, replied.writes]).toEqual([200, 4]);
  });
});
