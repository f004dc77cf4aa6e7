import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Files task 9's report of the cycle for the first kindergarten. */
async function fileReport(p: PublishedPlan, setup: Awaited<ReturnType<typeof assignTask9AndOpenCycle>>) {
  const res = await p.kg1.post(`/api/assignments/${setup.assignment.id}/reports`, {
    cycleId: setup.cycle.id,
    progress: 40,
    doneText: "已完成摸底",
    problemsText: "",
    nextText: "",
    values: [],
    fileIds: [],
    submit: true,
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** The 催报 titles in the second kindergarten's bell. */
async function urgesOf(p: PublishedPlan): Promise<string[]> {
  const items = (await p.kg2.get("/api/notifications?pageSize=50")).json().items as { title: string }[];
  return items.map((n) => n.title).filter((title) => title.startsWith("催报"));
}

describe("a cycle's 报送情况", () => {
  let p: PublishedPlan;
  let cycleId: string;
  beforeAll(async () => {
    p = await buildPublishedPlan(t);
    const setup = await assignTask9AndOpenCycle(p);
    cycleId = setup.cycle.id;
    await fileReport(p, setup);
  });

  it("lists the unit that reported on time and the one still missing, missing first", async () => {
    const res = await p.supervisor.get(`/api/cycles/${cycleId}/filing`);
    expect(res.statusCode, res.body).toBe(200);
    const filing = res.json();
    expect(filing.cycle).toMatchObject({ name: "2023年6月", startDate: "2023-06-01", dueDate: "2023-06-25" });
    expect(filing.totals).toEqual({ units: 2, onTime: 1, late: 0, missing: 1 });
    expect(filing.units).toEqual([
      {
        unit: { id: p.secondKindergarten.id, name: p.secondKindergarten.name },
        due: 1,
        onTime: 0,
        late: 0,
        missing: 1,
        standing: "missing",
        lastSubmittedAt: null,
      },
      {
        unit: { id: p.kindergarten.id, name: "西城幼儿园" },
        due: 1,
        onTime: 1,
        late: 0,
        missing: 0,
        standing: "on_time",
        lastSubmittedAt: "2023-06-15T01:00:00.000Z",
      },
    ]);
    expect(filing.abilities).toEqual({ urge: true });
  });

  it("offers a leader the list but not the button", async () => {
    const leader = await buildUser(t.database.db, { tenantId: p.tenant.id, role: "leader" });
    const session = await signIn(t.app, leader.login, TEST_PASSWORD);
    const res = await session.get(`/api/cycles/${cycleId}/filing`);
    expect(res.json().abilities).toEqual({ urge: false });
    const urge = await session.post(`/api/cycles/${cycleId}/urge`);
    expect(urge.statusCode).toBe(403);
    expect(urge.json().error.message).toBe("只有督查室可以催报，且填报周期须未关闭");
  });

  it("refuses the department and schools the 报送情况", async () => {
    expect((await p.lead.get(`/api/cycles/${cycleId}/filing`)).statusCode).toBe(403);
    expect((await p.kg1.get(`/api/cycles/${cycleId}/filing`)).statusCode).toBe(403);
    expect((await p.kg1.post(`/api/cycles/${cycleId}/urge`)).statusCode).toBe(403);
  });

  it("reminds each missing unit once a day, however often the button is pressed", async () => {
    const first = await p.supervisor.post(`/api/cycles/${cycleId}/urge`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      missing: 1,
      reminded: 1,
      skipped: 0,
      message: "已向 1 个未报送单位发送催报",
    });
    expect(await urgesOf(p)).toEqual(["催报：2023年6月尚有 1 项未报送"]);
    // The school that reported hears nothing.
    const kg1 = (await p.kg1.get("/api/notifications?pageSize=50")).json().items as { title: string }[];
    expect(kg1.filter((n) => n.title.startsWith("催报"))).toEqual([]);

    const again = await p.supervisor.post(`/api/cycles/${cycleId}/urge`);
    expect(again.json()).toEqual({
      missing: 1,
      reminded: 0,
      skipped: 1,
      message: "今日已催报过这 1 个单位，未重复发送",
    });
    expect(await urgesOf(p)).toEqual(["催报：2023年6月尚有 1 项未报送"]);
  });

  it("reminds again on the next day", async () => {
    t.clock.advance(20 * 60 * 1000);
    // 09:20 is still the same day in Shanghai: nobody is reminded.
    expect((await p.supervisor.post(`/api/cycles/${cycleId}/urge`)).json().reminded).toBe(0);
    t.clock.advance(16 * 60 * 60 * 1000);
    const staff = await buildUser(t.database.db, { tenantId: p.tenant.id, role: "supervisor" });
    const office = await signIn(t.app, staff.login, TEST_PASSWORD);
    expect((await office.post(`/api/cycles/${cycleId}/urge`)).json()).toMatchObject({ reminded: 1 });
    t.clock.set(new Date("2023-06-15T09:00:00+08:00"));
  });
});

describe("a cycle past its due day", () => {
  it("counts a report filed after the due day as late and 催报 two presses at once only once", async () => {
    const p = await buildPublishedPlan(t);
    const setup = await assignTask9AndOpenCycle(p, {
      name: "2023年5月补报",
      startDate: "2023-05-01",
      dueDate: "2023-05-25",
    });
    await fileReport(p, setup);
    const filing = (await p.supervisor.get(`/api/cycles/${setup.cycle.id}/filing`)).json();
    expect(filing.totals).toEqual({ units: 2, onTime: 0, late: 1, missing: 1 });
    expect(filing.units.map((u: { standing: string }) => u.standing)).toEqual(["missing", "late"]);
    const both = await Promise.all([
      p.supervisor.post(`/api/cycles/${setup.cycle.id}/urge`),
      p.supervisor.post(`/api/cycles/${setup.cycle.id}/urge`),
    ]);
    expect(both.map((r) => r.json().reminded).sort()).toEqual([0, 1]);
    expect(await urgesOf(p)).toEqual(["催报：2023年5月补报尚有 1 项未报送"]);
  });

  it("refuses 催报 on a closed cycle", async () => {
    const p = await buildPublishedPlan(t);
    const setup = await assignTask9AndOpenCycle(p);
    const closed = await p.supervisor.post(`/api/cycles/${setup.cycle.id}/close`, {
      version: setup.cycle.version,
    });
    expect(closed.statusCode, closed.body).toBe(204);
    const filing = (await p.supervisor.get(`/api/cycles/${setup.cycle.id}/filing`)).json();
    expect(filing.abilities).toEqual({ urge: false });
    expect((await p.supervisor.post(`/api/cycles/${setup.cycle.id}/urge`)).statusCode).toBe(403);
  });
});
