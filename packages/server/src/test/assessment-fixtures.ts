import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { auditLogs } from "../db/schema.js";
import { buildUser, TEST_PASSWORD } from "./factories.js";
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
