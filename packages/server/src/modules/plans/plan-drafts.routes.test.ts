import type { Role } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { plans } from "../../db/schema.js";
import { buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { buildPlanBureau, seedPlanText } from "../../test/plan-fixtures.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const roles: Role[] = ["admin", "supervisor", "leader", "department", "school", "inspector"];
/** Drafts are the work of those who import plans; every other role reads only what is published. */
const readsDrafts: Record<Role, boolean> = {
  admin: true,
  supervisor: true,
  leader: false,
  department: false,
  school: false,
  inspector: false,
};

/** A bureau with one signed-in user per role. */
async function bureauWithEveryRole() {
  const b = await buildPlanBureau(t);
  const db = t.database.db as Db;
  const dept = await buildUnit(db, b.tenant.id, { kind: "department" });
  const sessions = {} as Record<Role, TestSession>;
  for (const role of roles) {
    const unitId = role === "school" ? b.kindergarten.id : role === "department" ? dept.id : null;
    const user = await buildUser(db, { tenantId: b.tenant.id, role, unitId });
    sessions[role] = await signIn(t.app, user.login, TEST_PASSWORD);
  }
  return { ...b, sessions };
}

describe("unpublished plan drafts", () => {
  it("shows an import under review or discarded only to the supervision office and admins (404 for others)", async () => {
    const b = await bureauWithEveryRole();
    const reviewing = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    const toDiscard = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    const discarded = await b.supervisor.post(`/api/plan-imports/${toDiscard.id}/discard`, {
      version: toDiscard.version,
    });
    expect(discarded.json().status).toBe("discarded");
    for (const role of roles) {
      for (const id of [reviewing.id, toDiscard.id]) {
        const res = await b.sessions[role].get(`/api/plan-imports/${id}`);
        expect(res.statusCode, `${role} ${id}`).toBe(readsDrafts[role] ? 200 : 404);
        if (!readsDrafts[role]) expect(res.json().error.code).toBe("not_found");
      }
      const list = await b.sessions[role].get("/api/plan-imports");
      expect(list.statusCode, role).toBe(readsDrafts[role] ? 200 : 403);
    }
  });

  it("refuses a reader's change to a draft with 403 before looking it up, and publishes for everyone", async () => {
    const b = await bureauWithEveryRole();
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    const body = { draft: created.draft, version: created.version };
    for (const role of ["leader", "department", "school", "inspector"] as const) {
      expect((await b.sessions[role].put(`/api/plan-imports/${created.id}`, body)).statusCode).toBe(403);
      const publish = await b.sessions[role].post(`/api/plan-imports/${created.id}/publish`, {
        version: created.version,
      });
      expect(publish.statusCode).toBe(403);
      const discard = await b.sessions[role].post(`/api/plan-imports/${created.id}/discard`, {
        version: created.version,
      });
      expect(discard.statusCode).toBe(403);
    }
    const published = await b.supervisor.post(`/api/plan-imports/${created.id}/publish`, {
      version: created.version,
      allowDuplicate: true,
    });
    expect(published.statusCode, published.body).toBe(201);
    for (const role of roles) {
      const res = await b.sessions[role].get(`/api/plan-imports/${created.id}`);
      expect(res.statusCode, role).toBe(200);
      expect(res.json().status).toBe("published");
    }
  });

  it("hides a plan that is not published from the detail, the source file, the list and its years", async () => {
    const b = await bureauWithEveryRole();
    const [draft] = await (t.database.db as Db)
      .insert(plans)
      .values({ tenantId: b.tenant.id, year: 2031, title: "2031年工作要点（征求意见稿）", status: "draft" })
      .returning();
    for (const role of roles) {
      const session = b.sessions[role];
      const detail = await session.get(`/api/plans/${draft!.id}`);
      expect(detail.statusCode, role).toBe(readsDrafts[role] ? 200 : 404);
      const source = await session.get(`/api/plans/${draft!.id}/source`);
      // No file was ever uploaded: those who may see the draft learn that, the others not even that it exists.
      expect(source.statusCode, role).toBe(404);
      expect(source.json().error.message, role).toBe(
        readsDrafts[role] ? "原始文件不存在或无权查看" : "计划不存在或无权查看",
      );
      const list = (await session.get("/api/plans?year=2031")).json();
      expect(list.total, role).toBe(readsDrafts[role] ? 1 : 0);
      expect(list.years.includes(2031), role).toBe(readsDrafts[role]);
    }
  });
});
