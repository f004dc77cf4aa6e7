import { auditActionLabels, auditEntityLabels } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../test/factories.js";
import { buildPublishedPlan } from "../../test/plan-fixtures.js";
import { buildLedgerBureau, itemBody, uploadPng } from "../../test/rectification-fixtures.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Entry {
  action: string;
  actionLabel: string;
  entity: string;
  entityLabel: string;
  entityId: string | null;
  entityTitle: string | null;
}

/** The newest entry of one action, as the administrator's audit log lists it. */
async function newest(admin: TestSession, action: string): Promise<Entry> {
  const res = await admin.get(`/api/audit-logs?action=${action}&pageSize=1`);
  expect(res.statusCode, res.body).toBe(200);
  const [entry] = res.json().items as Entry[];
  expect(entry, `no ${action} entry`).toBeDefined();
  return entry!;
}

const names = (e: Entry) => ({
  actionLabel: e.actionLabel,
  entityLabel: e.entityLabel,
  entityTitle: e.entityTitle,
});

describe("GET /api/audit-logs: Chinese names", () => {
  it("names a copied plan's action and the plan by its title, and the draft's source says 复制自", async () => {
    const p = await buildPublishedPlan(t);
    expect(names(await newest(p.admin, "plan.publish"))).toEqual({
      actionLabel: "发布计划",
      entityLabel: "计划",
      entityTitle: "瓦房店市教育局2023年工作要点",
    });
    const copy = await p.supervisor.post(`/api/plans/${p.planId}/copy`, { year: 2024 });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json().filename).toBe("复制自 瓦房店市教育局2023年工作要点");
    const entry = await newest(p.admin, "plan.copy");
    expect(entry.entityId).toBe(p.planId);
    expect(names(entry)).toEqual({
      actionLabel: "复制计划",
      entityLabel: "计划",
      entityTitle: "瓦房店市教育局2023年工作要点",
    });
    expect(names(await newest(p.admin, "plan_import.create"))).toEqual({
      actionLabel: "导入计划",
      entityLabel: "计划草稿",
      entityTitle: "瓦房店市教育局2023年工作要点",
    });
  });

  it("names an uploaded file by its file name and a 整改 item by its unit and problem", async () => {
    const b = await buildLedgerBureau(t);
    await uploadPng(b.schoolUser);
    expect(names(await newest(b.admin, "file.upload"))).toEqual({
      actionLabel: "上传文件",
      entityLabel: "文件",
      entityTitle: "整改照片.png",
    });
    const created = await b.supervisor.post("/api/rectifications", itemBody(b));
    expect(created.statusCode, created.body).toBe(201);
    expect(names(await newest(b.admin, "rectification.create"))).toEqual({
      actionLabel: "新建整改",
      entityLabel: "整改",
      entityTitle: `${b.school.name} · 消防通道堆放杂物`,
    });
    // A sign-in names the person who signed in.
    await signIn(t.app, b.users.inspector.login, TEST_PASSWORD);
    expect(names(await newest(b.admin, "auth.login"))).toEqual({
      actionLabel: "登录",
      entityLabel: "用户",
      entityTitle: b.users.inspector.name,
    });
  });

  it("refuses an action that is not in the list with 400, so the filter is a choice and not a code to guess", async () => {
    const b = await buildLedgerBureau(t);
    const res = await b.admin.get("/api/audit-logs?action=plan.cop");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.details).toEqual([{ path: "querystring.action", message: "请从列表中选择操作" }]);
  });

  it("has a Chinese name for every action and record kind, none of them the code itself", () => {
    for (const [code, label] of Object.entries({ ...auditActionLabels, ...auditEntityLabels })) {
      expect(label, code).toMatch(/[\u4e00-\u9fff]/);
      expect(label).not.toContain(".");
    }
  });
});
