import type { ExtensionStatus } from "@duban/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { Db } from "../db/client.js";
import { extensionRequests } from "../db/schema.js";
import { buildUnit, uniq } from "./factories.js";
import type { MatrixTenant } from "./refusal-matrix.fixture.js";
import type { TestApp } from "./test-app.js";

// Steps the rollback recipes prepare their requests with: fresh records made through the API where it can.

/** What a recipe's preparation gets: the app and the tenant the requests run on. */
export interface RecipeContext {
  t: TestApp;
  tenant: MatrixTenant;
}

/** Fails a preparation step with the answer that broke it. */
export function expectStatus<T = { id: string }>(res: LightMyRequestResponse, status: number): T {
  if (res.statusCode !== status) throw new Error(`preparation failed: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** A plan text of one task: the seed plan is parsed once by the fixture, and parsing it again only costs time. */
export const shortPlan = () =>
  `回滚测试${uniq()}教育局2023年工作要点\n一、加强党的建设\n1.落实全面从严治党主体责任。（牵头单位：学前教育科）`;

/** A fresh plan-import draft of the short plan, as the 督查室 pastes it. */
export async function freshImport({ tenant }: RecipeContext): Promise<{ id: string; version: number }> {
  return expectStatus(await tenant.sessions.supervisor.post("/api/plan-imports", { text: shortPlan() }), 201);
}

/** A fresh published plan of one task, with no cycle yet. */
export async function freshPlan(ctx: RecipeContext): Promise<string> {
  const draft = await freshImport(ctx);
  const published = await ctx.tenant.sessions.supervisor.post(`/api/plan-imports/${draft.id}/publish`, {
    version: draft.version,
  });
  return expectStatus<{ planId: string }>(published, 201).planId;
}

/** A fresh school unit of the tenant. */
export async function freshUnit({ t, tenant }: RecipeContext): Promise<string> {
  return (await buildUnit(t.database.db as Db, tenant.tenantId, { schoolType: "kindergarten" })).id;
}

/** A new draft 督查通报 of the fixture's plan. */
export async function freshBulletin({ tenant }: RecipeContext): Promise<{ id: string; version: number }> {
  const body = { title: "回滚督查通报", from: "2023-06-01", to: "2023-06-15" };
  return expectStatus(
    await tenant.sessions.supervisor.post(`/api/plans/${tenant.ids.plan}/bulletins`, body),
    201,
  );
}

/** The fixture report's current version, as its reader sees it. */
export async function reportVersion(tenant: MatrixTenant): Promise<number> {
  const res = await tenant.sessions.department.get(`/api/reports/${tenant.ids.report}`);
  return expectStatus<{ version: number }>(res, 200).version;
}

/** The fixture assignment's extension request in one of the given states. */
export async function pendingExtension({ t, tenant }: RecipeContext, states: ExtensionStatus[]) {
  const [pending] = await (t.database.db as Db)
    .select({
      id: extensionRequests.id,
      status: extensionRequests.status,
      version: extensionRequests.version,
    })
    .from(extensionRequests)
    .where(
      and(
        eq(extensionRequests.tenantId, tenant.tenantId),
        eq(extensionRequests.assignmentId, tenant.ids.assignment),
        inArray(extensionRequests.status, states),
      ),
    );
  if (!pending) throw new Error(`preparation failed: no extension request ${states.join(" or ")}`);
  return pending;
}

/** A fresh draft 填报表 of the fixture's plan, owned by the department. */
export async function freshForm({ tenant }: RecipeContext): Promise<string> {
  const body = {
    title: "回滚填报表",
    fields: [{ key: "children", label: "在园幼儿数", type: "integer", required: false }],
  };
  return expectStatus(await tenant.sessions.department.post(`/api/plans/${tenant.ids.plan}/forms`, body), 201)
    .id;
}

/** A fresh round of the fixture's form, sent to the fixture's kindergarten: its id and the kindergarten's submission. */
export async function freshRound({ tenant }: RecipeContext): Promise<{ id: string; submissionId: string }> {
  const body = { name: "回滚批次", deadline: "2023-06-30", unitIds: [tenant.ids.unit] };
  const res = await tenant.sessions.department.post(`/api/forms/${tenant.ids.form}/rounds`, body);
  const round = expectStatus<{ id: string; units: { submissionId: string }[] }>(res, 201);
  return { id: round.id, submissionId: round.units[0]!.submissionId };
}

/** A fresh form sent to the fixture's kindergarten once and that round closed: active (version 1), nothing open. */
export async function sentAndClosedForm(ctx: RecipeContext): Promise<string> {
  const form = await freshForm(ctx);
  const { department } = ctx.tenant.sessions;
  const body = { name: "回滚批次", deadline: "2023-06-30", unitIds: [ctx.tenant.ids.unit] };
  const round = expectStatus<{ id: string }>(await department.post(`/api/forms/${form}/rounds`, body), 201);
  expectStatus(await department.post(`/api/form-rounds/${round.id}/close`, { version: 0 }), 200);
  return form;
}

/** A fresh submission of the fixture's kindergarten, handed in and awaiting review. */
export async function freshSubmitted(ctx: RecipeContext): Promise<string> {
  const { submissionId } = await freshRound(ctx);
  const res = await ctx.tenant.sessions.school.post(`/api/form-submissions/${submissionId}/submit`, {
    version: 0,
  });
  expectStatus(res, 200);
  return submissionId;
}

/** A fresh run of the fixture's plan as of the fixed day: a trial, a formal draft, or a formal one published. */
export async function freshAssessment(
  { tenant }: RecipeContext,
  kind: "trial" | "formal" | "published",
): Promise<{ id: string; version: number }> {
  const supervisor = tenant.sessions.supervisor;
  const { id } = expectStatus(
    await supervisor.post(`/api/plans/${tenant.ids.plan}/assessments`, {
      asOf: "2023-06-15",
      final: kind !== "trial",
    }),
    201,
  );
  if (kind !== "published") return { id, version: 0 };
  return expectStatus(await supervisor.post(`/api/assessments/${id}/publish`, { version: 0 }), 200);
}
