import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { auditLogs, reportEvents, reportFiles, reports, reportValues } from "../../db/schema.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { png, uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
// A test that moves the clock puts it back, so the next one starts on 2023-06-15 too.
afterEach(() => t.clock.set(TEST_NOW));

describe("反馈 → 审核 reports and review", () => {
  it("runs report → return with reason → resubmit → approve, and rolls progress up to the task", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
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
    expect(returned.json()).toMatchObject({ status: "returned", returnReason: "请补充在园幼儿名册" });
    expect(returned.json().abilities).toEqual({ edit: false, submit: false, review: false });
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
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
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
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
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
    const { assignment, cycle } = await assignTask9AndOpenCycle(p, {
      name: "补报",
      startDate: "2023-05-26",
      dueDate: "2023-06-05",
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

  it("does not mark a report submitted on its cycle's due day late, and marks one a minute after midnight", async () => {
    // Late evening of the due day; the second report comes 25 minutes later, within the sessions' idle time.
    t.clock.set(new Date("2023-06-15T23:50:00+08:00"));
    const p = await buildPublishedPlan(t);
    const { assignment, second, cycle } = await assignTask9AndOpenCycle(p, {
      name: "六月",
      startDate: "2023-06-01",
      dueDate: "2023-06-15",
    });
    const onTheDay = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 50,
      submit: true,
    });
    expect(onTheDay.statusCode, onTheDay.body).toBe(201);
    expect(onTheDay.json()).toMatchObject({ late: false, submittedAt: "2023-06-15T15:50:00.000Z" });
    t.clock.set(new Date("2023-06-16T00:15:00+08:00"));
    const after = await p.kg2.post(`/api/assignments/${second.id}/reports`, {
      cycleId: cycle.id,
      progress: 50,
      submit: true,
    });
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json()).toMatchObject({ late: true, submittedAt: "2023-06-15T16:15:00.000Z" });
  });

  it("hides a report from another bureau's staff as if it did not exist", async () => {
    const p = await buildPublishedPlan(t);
    const other = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const report = (
      await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
        cycleId: cycle.id,
        progress: 40,
        submit: true,
      })
    ).json();
    expect((await p.supervisor.get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    for (const [who, session] of Object.entries({
      supervisor: other.supervisor,
      admin: other.admin,
      lead: other.lead,
      school: other.kg1,
    })) {
      const res = await session.get(`/api/reports/${report.id}`);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error).toEqual({ code: "not_found", message: "反馈不存在或无权查看" });
      expect((await session.get(`/api/assignments/${assignment.id}/reports`)).statusCode, who).toBe(404);
    }
  });
});

describe("saving a report is one transaction", () => {
  it("leaves no report, value, file link or history when its last write fails", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const photo = (
      await uploadFile(p.kg1, "/api/files", { name: "a.png", type: "image/png", content: png })
    ).json().id;
    const db = t.database.db as Db;
    // The audit row is the save's last write: refuse it for this bureau only (other files share the database).
    const fn = `fail_audit_${p.tenant.id.replaceAll("-", "_")}`;
    await db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$
        begin
          if new.tenant_id = '${p.tenant.id}' and new.action = 'report.submit' then
            raise exception 'audit write refused by the test';
          end if;
          return new;
        end $$`),
    );
    await db.execute(
      sql.raw(`create trigger ${fn} before insert on audit_logs for each row execute function ${fn}()`),
    );
    try {
      const res = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
        cycleId: cycle.id,
        progress: 60,
        values: [{ indicatorId, value: 60 }],
        fileIds: [photo],
        submit: true,
      });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe("internal");
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on audit_logs`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }
    const mine = and(eq(reports.tenantId, p.tenant.id), eq(reports.assignmentId, assignment.id));
    expect(await db.select().from(reports).where(mine)).toEqual([]);
    expect(await db.select().from(reportValues).where(eq(reportValues.tenantId, p.tenant.id))).toEqual([]);
    expect(await db.select().from(reportFiles).where(eq(reportFiles.tenantId, p.tenant.id))).toEqual([]);
    expect(await db.select().from(reportEvents).where(eq(reportEvents.tenantId, p.tenant.id))).toEqual([]);
    const audits = await db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, p.tenant.id), eq(auditLogs.action, "report.submit")));
    expect(audits).toEqual([]);
    // Once the failure is gone the same report saves whole.
    const again = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 60,
      values: [{ indicatorId, value: 60 }],
      fileIds: [photo],
      submit: true,
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ values: [{ indicatorId, value: 60 }], files: [{ id: photo }] });
  });
});
