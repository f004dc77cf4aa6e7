import {
  type AssessmentBreakdownItem,
  type AssessmentScheme,
  type AssessmentStatus,
  assessmentSchemeSchema,
} from "@duban/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { assessmentResults, assessments, auditLogs } from "../db/schema.js";
import { buildUnit, buildUser, TEST_PASSWORD } from "./factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "./plan-fixtures.js";
import { signIn, type TestSession } from "./session.js";
import type { TestApp } from "./test-app.js";
/**
 * A published seed plan with task 9 handed to both kindergartens (西城幼儿园 and 第二幼儿园…) and its June cycle
 * open (due 2023-06-25 unless `cycleBody` says), with leader and inspector sessions beside the plan fixture's
 * 督查室, 学前教育科 and kindergarten users.
 */
export async function buildAssessmentBureau(t: TestApp, cycleBody: Record<string, string> = {}) {
  const p = await buildPublishedPlan(t);
  const task9 = await assignTask9AndOpenCycle(p, cycleBody);
  const db = t.database.db as Db;
  const [leader, inspector] = await Promise.all([
    buildUser(db, { tenantId: p.tenant.id, role: "leader" }),
    buildUser(db, { tenantId: p.tenant.id, role: "inspector" }),
  ]);
  return {
    ...p,
    ...task9,
    leaderSession: await signIn(t.app, leader.login, TEST_PASSWORD),
    inspector: await signIn(t.app, inspector.login, TEST_PASSWORD),
  };
}

/** The bureau `buildAssessmentBureau` builds. */
export type AssessmentBureau = Awaited<ReturnType<typeof buildAssessmentBureau>>;

/** Runs an assessment of the bureau's plan as the 督查室 and returns its id (fails the test otherwise). */
export async function runAssessment(
  b: { supervisor: TestSession; planId: string },
  body: { asOf: string; final: boolean } = { asOf: "2023-06-15", final: true },
): Promise<string> {
  const res = await b.supervisor.post(`/api/plans/${b.planId}/assessments`, body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

/** Publishes a formal run at its current version and returns the run as answered. */
export async function publishAssessment(b: { supervisor: TestSession }, id: string) {
  const { version } = (await b.supervisor.get(`/api/assessments/${id}`)).json();
  const res = await b.supervisor.post(`/api/assessments/${id}/publish`, { version });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
}

/** The audit actions recorded for one entity, oldest first. */
export async function auditActionsOf(t: TestApp, tenantId: string, entityId: string): Promise<string[]> {
  const rows = await (t.database.db as Db)
    .select({ action: auditLogs.action })
    .from(auditLogs)
    .where(and(eq(auditLogs.tenantId, tenantId), eq(auditLogs.entityId, entityId)))
    .orderBy(auditLogs.id);
  return rows.map((r) => r.action);
}

/**
 * A 考评方案 of two categories: the 科室 (task completion 60, reporting 40, a manual item and a veto) and the
 * 幼儿园 (task completion 50, reporting 30, 督办 response 20, a manual item, a veto), with four bands and a
 * 30 % quota on 优秀. Parsed by the API's own schema, so it is a scheme the 督查室 could save.
 */
export const sampleScheme: AssessmentScheme = assessmentSchemeSchema.parse({
  total: 100,
  appealDays: 5,
  categories: [
    {
      key: "departments",
      label: "科室",
      unitKind: "department",
      items: [
        {
          key: "tasks",
          label: "任务完成",
          kind: "task_completion",
          points: 60,
          redPenalty: 2,
          yellowPenalty: 1,
        },
        { key: "reports", label: "报送纪律", kind: "reporting", points: 40, lateCredit: 0.5 },
        { key: "bonus", label: "加减分", kind: "manual", points: 0, maxBonus: 3, maxDeduction: 5 },
        { key: "veto", label: "安全责任事故", kind: "veto", points: 0 },
      ],
      bands: [
        { grade: "优秀", min: 90, quotaPercent: 30 },
        { grade: "良好", min: 75 },
        { grade: "合格", min: 60 },
        { grade: "不合格", min: 0 },
      ],
      tieBreaks: ["fewer_red", "earlier_reports"],
    },
    {
      key: "kindergartens",
      label: "幼儿园",
      unitKind: "school",
      schoolTypes: ["kindergarten"],
      items: [
        {
          key: "tasks",
          label: "任务完成",
          kind: "task_completion",
          points: 50,
          redPenalty: 2,
          yellowPenalty: 1,
        },
        { key: "reports", label: "报送纪律", kind: "reporting", points: 30, lateCredit: 0.5 },
        {
          key: "notices",
          label: "督办响应",
          kind: "supervision",
          points: 20,
          levelPenalty: { blue: 0.5, yellow: 1, red: 2 },
          lateReplyPenalty: 1,
          notFirstTimePenalty: 1,
        },
        { key: "bonus", label: "加减分", kind: "manual", points: 0, maxBonus: 3, maxDeduction: 5 },
        { key: "veto", label: "安全责任事故", kind: "veto", points: 0 },
      ],
      bands: [
        { grade: "优秀", min: 90, quotaPercent: 30 },
        { grade: "良好", min: 75 },
        { grade: "合格", min: 60 },
        { grade: "不合格", min: 0 },
      ],
      tieBreaks: ["fewer_red"],
    },
  ],
});

/** One unit's result to store: its points per item key, the rest as the row holds them. */
export interface StoredResult {
  unitId: string;
  category: string;
  rank: number;
  grade: string;
  vetoed?: boolean;
  gradeNote?: string | null;
  points: Record<string, number>;
}

/** The breakdown of a stored result: the category's items in order, each with the points given (0 otherwise). */
function breakdownOf(scheme: AssessmentScheme, r: StoredResult): AssessmentBreakdownItem[] {
  const category = scheme.categories.find((c) => c.key === r.category);
  if (!category) throw new Error(`no category ${r.category}`);
  return category.items.map((item) => ({
    itemKey: item.key,
    item: item.label,
    kind: item.kind,
    points: r.points[item.key] ?? 0,
    maxPoints: item.points,
    facts: [],
  }));
}

/**
 * Stores a run and its results straight in the tables, as the assessment module leaves them after computing,
 * publishing or finalising: what the documents read. The total is the breakdown's sum, as scoring keeps it.
 */
export async function insertAssessmentRun(
  db: Db,
  run: {
    tenantId: string;
    planId: string;
    createdBy: string;
    status: AssessmentStatus;
    asOf: string;
    scheme?: AssessmentScheme;
    publishedAt?: Date;
    finalisedAt?: Date;
    results: StoredResult[];
  },
): Promise<string> {
  const scheme = run.scheme ?? sampleScheme;
  const [row] = await db
    .insert(assessments)
    .values({
      tenantId: run.tenantId,
      planId: run.planId,
      asOf: run.asOf,
      final: true,
      status: run.status,
      scheme,
      facts: { asOf: run.asOf, units: [] },
      appealUntil: run.publishedAt ? "2024-01-12" : null,
      publishedAt: run.publishedAt ?? null,
      publishedBy: run.publishedAt ? run.createdBy : null,
      finalisedAt: run.finalisedAt ?? null,
      finalisedBy: run.finalisedAt ? run.createdBy : null,
      createdBy: run.createdBy,
    })
    .returning({ id: assessments.id });
  const id = row!.id;
  if (run.results.length)
    await db.insert(assessmentResults).values(
      run.results.map((r) => {
        const breakdown = breakdownOf(scheme, r);
        const hundredths = breakdown.reduce((sum, b) => sum + Math.round(b.points * 100), 0);
        return {
          tenantId: run.tenantId,
          assessmentId: id,
          unitId: r.unitId,
          category: r.category,
          total: hundredths / 100,
          rank: r.rank,
          grade: r.grade,
          vetoed: r.vetoed ?? false,
          gradeNote: r.gradeNote ?? null,
          breakdown,
        };
      }),
    );
  return id;
}

/**
 * The seed plan with two runs stored as of 2023-12-31: a published one (4 科室 and 3 幼儿园: one 优秀 held to
 * 良好 by the quota, one kindergarten vetoed) and a draft. The 督查室, the leader and the units are signed in.
 */
export async function buildAssessedPlan(t: TestApp) {
  const p = await buildPublishedPlan(t);
  const db = t.database.db as Db;
  const unit = (name: string, kind: "department" | "school") =>
    buildUnit(db, p.tenant.id, kind === "school" ? { name, schoolType: "kindergarten" } : { kind, name });
  const [safety, basic, sports, dongfeng, leader, inspector] = await Promise.all([
    unit("安全科", "department"),
    unit("基础教育科", "department"),
    unit("体卫艺科", "department"),
    unit("东风幼儿园", "school"),
    buildUser(db, { tenantId: p.tenant.id, role: "leader" }),
    buildUser(db, { tenantId: p.tenant.id, role: "inspector" }),
  ]);
  const me = (await p.supervisor.get("/api/auth/me")).json() as { id: string };
  const results: StoredResult[] = [
    {
      unitId: p.preschool.id,
      category: "departments",
      rank: 1,
      grade: "优秀",
      points: { tasks: 56, reports: 38, bonus: 1 },
    },
    {
      unitId: safety.id,
      category: "departments",
      rank: 2,
      grade: "良好",
      gradeNote: "达到优秀分数线，优秀名额已满（30%），定为良好",
      points: { tasks: 55, reports: 36 },
    },
    { unitId: basic.id, category: "departments", rank: 3, grade: "良好", points: { tasks: 50, reports: 30 } },
    {
      unitId: sports.id,
      category: "departments",
      rank: 4,
      grade: "合格",
      points: { tasks: 45, reports: 27.5, bonus: -2.5 },
    },
    {
      unitId: p.secondKindergarten.id,
      category: "kindergartens",
      rank: 1,
      grade: "良好",
      points: { tasks: 45, reports: 27, notices: 16 },
    },
    {
      unitId: p.kindergarten.id,
      category: "kindergartens",
      rank: 2,
      grade: "良好",
      points: { tasks: 40.5, reports: 24, notices: 14 },
    },
    {
      unitId: dongfeng.id,
      category: "kindergartens",
      rank: 3,
      grade: "不合格",
      vetoed: true,
      gradeNote: null,
      points: { tasks: 45, reports: 25, notices: 15 },
    },
  ];
  const base = { tenantId: p.tenant.id, planId: p.planId, createdBy: me.id, asOf: "2023-12-31", results };
  const published = await insertAssessmentRun(db, {
    ...base,
    status: "published",
    publishedAt: new Date("2024-01-05T02:00:00Z"),
  });
  const draft = await insertAssessmentRun(db, { ...base, status: "draft" });
  return {
    ...p,
    units: { safety, basic, sports, dongfeng },
    leader: await signIn(t.app, leader.login, TEST_PASSWORD),
    inspector: await signIn(t.app, inspector.login, TEST_PASSWORD),
    runs: { published, draft },
  };
}
