import type { Db } from "../db/client.js";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "./factories.js";
import { signIn } from "./session.js";
import type { TestApp } from "./test-app.js";
import { png, uploadFile } from "./upload.js";

/** A bureau for 整改 tests: two schools, a department, and one signed-in user per role. */
export async function buildLedgerBureau(t: TestApp) {
  const db = t.database.db as Db;
  const tenant = await buildTenant(db);
  const [school, otherSchool, dept] = await Promise.all([
    buildUnit(db, tenant.id, { name: `第一小学${tenant.code}` }),
    buildUnit(db, tenant.id, { name: `第二小学${tenant.code}` }),
    buildUnit(db, tenant.id, { kind: "department", name: `安全科${tenant.code}` }),
  ]);
  const people = await Promise.all([
    buildUser(db, { tenantId: tenant.id, role: "supervisor" }),
    buildUser(db, { tenantId: tenant.id, role: "inspector" }),
    buildUser(db, { tenantId: tenant.id, role: "inspector" }),
    buildUser(db, { tenantId: tenant.id, role: "admin" }),
    buildUser(db, { tenantId: tenant.id, role: "leader" }),
    buildUser(db, { tenantId: tenant.id, role: "school", unitId: school.id }),
    buildUser(db, { tenantId: tenant.id, role: "school", unitId: otherSchool.id }),
    buildUser(db, { tenantId: tenant.id, role: "department", unitId: dept.id }),
  ]);
  const [supervisor, inspector, otherInspector, admin, leader, schoolUser, otherSchoolUser, deptUser] =
    await Promise.all(people.map((u) => signIn(t.app, u.login, TEST_PASSWORD)));
  return {
    tenant,
    school,
    otherSchool,
    dept,
    users: { inspector: people[1]!, school: people[5]! },
    supervisor: supervisor!,
    inspector: inspector!,
    otherInspector: otherInspector!,
    admin: admin!,
    leader: leader!,
    schoolUser: schoolUser!,
    otherSchoolUser: otherSchoolUser!,
    deptUser: deptUser!,
  };
}

/** The bureau of a test. */
export type LedgerBureau = Awaited<ReturnType<typeof buildLedgerBureau>>;

/** A valid item body for the bureau's first school. */
export function itemBody(b: LedgerBureau, overrides: Record<string, unknown> = {}) {
  return {
    unitId: b.school.id,
    problem: "消防通道堆放杂物",
    requirement: "立即清理并建立巡查制度",
    deadline: "2099-12-31",
    responsiblePerson: "王校长",
    source: "safety",
    ...overrides,
  };
}

/** Uploads the PNG as evidence through the real endpoint and returns its file id. */
export async function uploadPng(session: LedgerBureau["schoolUser"]): Promise<string> {
  const res = await uploadFile(session, "/api/files", {
    name: "整改照片.png",
    type: "image/png",
    content: png,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}
