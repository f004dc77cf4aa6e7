import type { PlanDetail, Role } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { notifications } from "../db/schema.js";
import type { RecordIds, RecordKind } from "./access.js";
import { buildMatrixCascade } from "./cascade-fixtures.js";
import { buildMatrixCascadeNotices } from "./cascade-notice-fixtures.js";
import { buildMatrixUpward } from "./cascade-upward-fixtures.js";
import { buildUser, TEST_PASSWORD } from "./factories.js";
import { dayFromToday, setDueInDays } from "./notice-fixtures.js";
import { buildPublishedPlan, flattenTree } from "./plan-fixtures.js";
import { signIn, type TestSession } from "./session.js";
import type { TestApp } from "./test-app.js";
import { png, uploadFile } from "./upload.js";

/** One tenant holding a record of every kind, twice where a unit scope applies (ours and another unit's). */
export interface MatrixTenant {
  /** One signed-in user per role: the department leads task 9, the school is the assigned kindergarten. */
  sessions: Record<Role, TestSession>;
  /** The role users' ids, for cells whose record is the caller's own account. */
  userIds: Record<Role, string>;
  /** The records the role users may reach. */
  ids: RecordIds;
  /** The same kinds held by another unit (another kindergarten, another inspector's visit). */
  otherIds: Partial<RecordIds>;
  /** The tenant, for users created on the fly. */
  tenantId: string;
  /** The unit each role user belongs to (none for bureau-wide roles). */
  unitIdOf: Record<Role, string | null>;
}

/** Fails the fixture build with the answer that broke it. */
function created<T = { id: string }>(res: { statusCode: number; body: string }, expected = 201): T {
  if (res.statusCode !== expected) throw new Error(`fixture step failed: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Builds a tenant with a published plan and one record of every kind through the real API. */
export async function buildMatrixTenant(t: TestApp): Promise<MatrixTenant> {
  const p = await buildPublishedPlan(t);
  const db = t.database.db as Db;
  const [leader, inspector, otherInspector, spare] = await Promise.all([
    buildUser(db, { tenantId: p.tenant.id, role: "leader" }),
    buildUser(db, { tenantId: p.tenant.id, role: "inspector" }),
    buildUser(db, { tenantId: p.tenant.id, role: "inspector" }),
    buildUser(db, { tenantId: p.tenant.id, role: "school", unitId: p.kindergarten.id }),
  ]);
  const sessions: Record<Role, TestSession> = {
    admin: p.admin,
    leader: await signIn(t.app, leader.login, TEST_PASSWORD),
    supervisor: p.supervisor,
    department: p.lead,
    school: p.kg1,
    inspector: await signIn(t.app, inspector.login, TEST_PASSWORD),
  };
  const otherInspectorSession = await signIn(t.app, otherInspector.login, TEST_PASSWORD);
  const me = async (s: TestSession) =>
    created<{ id: string; login: string }>(await s.get("/api/auth/me"), 200);
  const accounts = await Promise.all((Object.keys(sessions) as Role[]).map((r) => me(sessions[r])));
  const kg2User = await me(p.kg2);

  const group = created(
    await p.supervisor.post("/api/groups", {
      name: `矩阵分组${p.tenant.code}`,
      kind: "list",
      unitIds: [p.kindergarten.id],
    }),
  );
  // A short draft: the seed plan is parsed once already, and parsing it again would only cost time.
  const draftText =
    "矩阵教育局2023年工作要点\n一、加强党的建设\n1.落实全面从严治党主体责任。（牵头单位：学前教育科）";
  const planImport = created(await p.supervisor.post("/api/plan-imports", { text: draftText }));
  const assigned = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id, p.secondKindergarten.id],
    role: "executor",
  });
  created(assigned);
  const list = created<{ items: { id: string; unit: { id: string } }[] }>(
    await p.lead.get(`/api/nodes/${p.task9.id}/assignments`),
    200,
  ).items;
  const assignmentOf = (unitId: string) => list.find((a) => a.unit.id === unitId)!.id;
  const assignment = assignmentOf(p.kindergarten.id);
  const otherAssignment = assignmentOf(p.secondKindergarten.id);
  // Extensions may be asked for only before the due date.
  await setDueInDays(t, assignment, 10);
  await setDueInDays(t, otherAssignment, 10);
  const cycle = created(await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {}));
  const report = (s: TestSession, a: string) =>
    s.post(`/api/assignments/${a}/reports`, { cycleId: cycle.id, progress: 30, submit: true });
  const reportId = created(await report(p.kg1, assignment)).id;
  const otherReportId = created(await report(p.kg2, otherAssignment)).id;
  const upload = async (s: TestSession) =>
    created(await uploadFile(s, "/api/files", { name: "照片.png", type: "image/png", content: png })).id;
  const notice = async (assignmentId: string) =>
    created(
      await p.supervisor.post("/api/notices", {
        nodeId: p.task9.id,
        assignmentId,
        level: "yellow",
        reason: "进展滞后，请说明原因",
        replyDue: dayFromToday(t, 5),
      }),
    ).id;
  const extension = async (s: TestSession, assignmentId: string) =>
    created(
      await s.post("/api/extensions", {
        assignmentId,
        requestedDue: dayFromToday(t, 40),
        reason: "施工延误",
        progress: 50,
      }),
    ).id;
  const item = async (unitId: string) =>
    created(
      await p.supervisor.post("/api/rectifications", {
        unitId,
        problem: "消防通道堆放杂物",
        requirement: "立即清理",
        deadline: "2099-12-31",
        responsiblePerson: "王校长",
        source: "safety",
      }),
    ).id;
  const visit = async (s: TestSession, unitId: string) =>
    created(
      await s.post("/api/inspections", {
        unitId,
        visitDate: "2024-03-12",
        kind: "经常性督导",
        findings: [{ text: "灭火器过期" }],
      }),
    ).id;
  const rectification = await item(p.kindergarten.id);
  const otherRectification = await item(p.secondKindergarten.id);
  const instruct = async (entityId: string) =>
    created(
      await sessions.leader.post("/api/instructions", {
        entity: "rectification",
        entityId,
        text: "请举一反三",
      }),
    ).id;
  const notificationOf = async (userId: string) => {
    const [row] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.tenantId, p.tenant.id), eq(notifications.userId, userId)))
      .limit(1);
    if (!row) throw new Error("fixture step failed: no notification");
    return row.id;
  };
  const forms = await buildMatrixForm(p);
  const assessment = await buildMatrixAssessment(p);
  const cascade = await buildMatrixCascade(db, p.tenant.id, p.supervisor, p.task9.id);
  const file = await upload(p.kg1);
  const ids: RecordIds = {
    unit: p.kindergarten.id,
    group: group.id,
    user: spare.id,
    planImport: planImport.id,
    plan: p.planId,
    node: p.task9.id,
    indicator: p.task9.indicators[0]!.id,
    assignment,
    cycle: cycle.id,
    report: reportId,
    file,
    notice: await notice(assignment),
    extension: await extension(p.kg1, assignment),
    notification: await notificationOf(accounts[4]!.id),
    rectification,
    inspection: await visit(sessions.inspector, p.kindergarten.id),
    instruction: await instruct(rectification),
    bulletin: created(
      await p.supervisor.post(`/api/plans/${p.planId}/bulletins`, {
        title: "矩阵督查通报",
        from: "2023-06-01",
        to: "2023-06-15",
      }),
    ).id,
    ...assessment,
    form: forms.form,
    formRound: forms.round,
    formSubmission: forms.submissionOf(p.kindergarten.id),
    ...cascade,
    ...(await buildMatrixCascadeNotices(db, p.supervisor, cascade)),
    // After the cascade: the upward report answers a hand-down of the superior it set.
    upwardReport: await buildMatrixUpward(db, p.tenant.id, p.task9.id, file),
  };
  const otherIds: Partial<Record<RecordKind, string>> = {
    unit: p.secondKindergarten.id,
    user: kg2User.id,
    assignment: otherAssignment,
    report: otherReportId,
    file: await upload(p.kg2),
    notice: await notice(otherAssignment),
    extension: await extension(p.kg2, otherAssignment),
    notification: await notificationOf(kg2User.id),
    rectification: otherRectification,
    inspection: await visit(otherInspectorSession, p.secondKindergarten.id),
    instruction: await instruct(otherRectification),
    formSubmission: forms.submissionOf(p.secondKindergarten.id),
  };
  // A task another department leads (or none does): the lead department's rights stop at its own tasks.
  const plan = created<PlanDetail>(await p.supervisor.get(`/api/plans/${p.planId}`), 200);
  const otherTask = flattenTree(plan.nodes).find(
    (n) => n.level === "task" && n.id !== p.task9.id && n.indicators.length > 0,
  )!;
  otherIds.node = otherTask.id;
  otherIds.indicator = otherTask.indicators[0]!.id;
  const roles = Object.keys(sessions) as Role[];
  return {
    sessions,
    ids,
    otherIds,
    userIds: Object.fromEntries(roles.map((r, i) => [r, accounts[i]!.id])) as Record<Role, string>,
    tenantId: p.tenant.id,
    unitIdOf: {
      admin: null,
      leader: null,
      supervisor: null,
      department: p.preschool.id,
      school: p.kindergarten.id,
      inspector: null,
    },
  };
}

/**
 * The matrix's 填报表: the 督查室 defines it for the 学前教育科 (so the department manages it) and sends it to both
 * kindergartens, which makes it active and gives each a draft submission.
 */
async function buildMatrixForm(p: Awaited<ReturnType<typeof buildPublishedPlan>>) {
  const form = created(
    await p.supervisor.post(`/api/plans/${p.planId}/forms`, {
      title: "矩阵填报表",
      ownerUnitId: p.preschool.id,
      fields: [{ key: "children", label: "在园幼儿数", type: "integer", required: false, min: 0 }],
    }),
  );
  const round = created<{ id: string; units: { unit: { id: string }; submissionId: string }[] }>(
    await p.supervisor.post(`/api/forms/${form.id}/rounds`, {
      name: "矩阵批次",
      deadline: "2023-06-30",
      unitIds: [p.kindergarten.id, p.secondKindergarten.id],
    }),
  );
  return {
    form: form.id,
    round: round.id,
    submissionOf: (unitId: string) => round.units.find((u) => u.unit.id === unitId)!.submissionId,
  };
}

/**
 * The matrix's 考评: the 督查室's 加分 for the kindergarten, a formal run of the plan as of the fixed day,
 * published, and the kindergarten's appeal of it, still pending.
 */
async function buildMatrixAssessment(p: Awaited<ReturnType<typeof buildPublishedPlan>>) {
  const assessmentEntry = created(
    await p.supervisor.post(`/api/plans/${p.planId}/assessment-entries`, {
      unitId: p.kindergarten.id,
      itemKey: "bonus",
      points: 2,
      reason: "市级表彰",
    }),
  ).id;
  const assessment = created(
    await p.supervisor.post(`/api/plans/${p.planId}/assessments`, { asOf: "2023-06-15", final: true }),
  ).id;
  const run = created<{ version: number }>(await p.supervisor.get(`/api/assessments/${assessment}`), 200);
  created(await p.supervisor.post(`/api/assessments/${assessment}/publish`, { version: run.version }), 200);
  const assessmentAppeal = created(
    await p.kg1.post(`/api/assessments/${assessment}/appeals`, { reason: "指标数据已报送，未计入" }),
  ).id;
  return { assessment, assessmentEntry, assessmentAppeal };
}
