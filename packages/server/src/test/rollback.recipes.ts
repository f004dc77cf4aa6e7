import { defaultAssessmentScheme, type PlanDetail, type Role } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "../db/client.js";
import { extensionRequests } from "../db/schema.js";
import type { RecordIds } from "./access.js";
import { buildUser, TEST_PASSWORD, uniq } from "./factories.js";
import { setDueInDays } from "./notice-fixtures.js";
import { flattenTree } from "./plan-fixtures.js";
import { png } from "./rectification-fixtures.js";
import {
  expectStatus,
  freshAssessment,
  freshBulletin,
  freshForm,
  freshImport,
  freshPlan,
  freshRound,
  freshSubmitted,
  freshUnit,
  pendingExtension,
  type RecipeContext,
  reportVersion,
  sentAndClosedForm,
  shortPlan,
} from "./rollback.prepare.js";
import { buildXlsx } from "./upload.js";

/** What a preparation hands to the request: records in place of the fixture's, a body, a version. */
export interface Prepared {
  ids?: Partial<RecordIds>;
  body?: unknown;
  /** The version to send where the matrix sends a stale one, when it is not the path record's own. */
  version?: number;
}

/**
 * How to turn a route's refusal-matrix entry into a request that succeeds, where the entry alone does not (the
 * matrix meets records in states that refuse, and runs its cells in an order where one changes what the next
 * sees). Everything not given comes from the entry: the path, the body (a stale version replaced by the
 * record's current one), the first role let through. A preparation makes its own records, so a route's success
 * does not hang on which routes ran before it.
 */
export interface SuccessRecipe {
  /** Who sends it, when the matrix lets nobody through on its fixture. */
  role?: Role;
  /** Sent without a session (signing in). */
  anonymous?: boolean;
  prepare?: (ctx: RecipeContext) => Promise<Prepared>;
  /** The uploaded file, in place of the entry's. */
  upload?: () => Promise<{ name: string; type?: string; content: Buffer }>;
}

/** A fresh round's template with the matrix form's one field filled in; prepared first, then uploaded. */
function importRecipe(): SuccessRecipe {
  let filled = Buffer.alloc(0);
  return {
    role: "department",
    prepare: async (ctx) => {
      const round = await freshRound(ctx);
      const res = await ctx.tenant.sessions.department.get(`/api/form-rounds/${round.id}/template`);
      if (res.statusCode !== 200) throw new Error(`preparation failed: ${res.statusCode} ${res.body}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      workbook.getWorksheet("填报数据")!.getCell("D3").value = 12;
      filled = Buffer.from(await workbook.xlsx.writeBuffer());
      return { ids: { formRound: round.id } };
    },
    upload: async () => ({ name: "填报.xlsx", content: filled }),
  };
}

/** Recipes by route, as `METHOD /api/path/:param`. */
export const recipes: Record<string, SuccessRecipe> = {
  // Archiving changes the plan other routes work on: each takes a plan of its own (taken back: one archived).
  "POST /api/plans/:id/archive": { prepare: async (ctx) => ({ ids: { plan: await freshPlan(ctx) } }) },
  "POST /api/plans/:id/unarchive": {
    prepare: async (ctx) => {
      const plan = await freshPlan(ctx);
      const read = await ctx.tenant.sessions.supervisor.get(`/api/plans/${plan}`);
      const archived = await ctx.tenant.sessions.supervisor.post(`/api/plans/${plan}/archive`, {
        version: expectStatus<{ version: number }>(read, 200).version,
      });
      expectStatus(archived, 200);
      return { ids: { plan } };
    },
  },
  // Disabling the fixture's kindergarten would refuse every later call that names it.
  "PUT /api/units/:id/enabled": { prepare: async (ctx) => ({ ids: { unit: await freshUnit(ctx) } }) },
  // The matrix's sheet lacks the template's columns; this one is the template filled in.
  "POST /api/units/import": {
    role: "admin",
    upload: async () => ({
      name: "单位.xlsx",
      content: await buildXlsx(
        "单位",
        ["名称", "类型", "学校类型", "办学性质", "乡镇/街道", "编码"],
        [
          [`回滚科室${uniq()}`, "科室", "", "", "", ""],
          [`回滚幼儿园${uniq()}`, "学校", "幼儿园", "公办", "", ""],
        ],
      ),
    }),
  },
  "POST /api/users/import": {
    role: "admin",
    upload: async () => ({
      name: "用户.xlsx",
      content: await buildXlsx(
        "用户",
        ["姓名", "账号", "手机号", "邮箱", "所属单位", "角色", "初始密码"],
        [
          ["回滚一", `rb${uniq()}`, "", "", "", "局领导", "Duban@2024"],
          ["回滚二", `rb${uniq()}`, "", "", "", "督查室", "Duban@2024"],
        ],
      ),
    }),
  },
  // The matrix uploads a picture, refused as no plan document.
  "POST /api/plan-imports/upload": {
    role: "supervisor",
    upload: async () => ({ name: "要点.txt", type: "text/plain", content: Buffer.from(shortPlan()) }),
  },
  // Publishing and discarding each end a draft: each gets its own.
  "POST /api/plan-imports/:id/publish": {
    prepare: async (ctx) => ({ ids: { planImport: (await freshImport(ctx)).id } }),
  },
  "POST /api/plan-imports/:id/discard": {
    prepare: async (ctx) => ({ ids: { planImport: (await freshImport(ctx)).id } }),
  },
  // A unit not yet assigned: assigning the fixture's again changes nothing but the audit log.
  "POST /api/nodes/:nodeId/assignments": {
    prepare: async (ctx) => ({ body: { unitIds: [await freshUnit(ctx)], role: "executor" } }),
  },
  // The other kindergarten's assignment: the fixture's own is reported on and asked to be extended below.
  "POST /api/assignments/:id/remove": {
    prepare: async ({ tenant }) => ({ ids: { assignment: tenant.otherIds.assignment! } }),
  },
  // The fixture's plan has its cycle open already, and the reports below need it open.
  "POST /api/plans/:id/cycles": {
    role: "supervisor",
    prepare: async (ctx) => ({ ids: { plan: await freshPlan(ctx) } }),
  },
  "POST /api/cycles/:id/close": {
    prepare: async (ctx) => {
      const plan = await freshPlan(ctx);
      const res = await ctx.tenant.sessions.supervisor.post(`/api/plans/${plan}/cycles`, {});
      return { ids: { cycle: expectStatus(res, 201).id } };
    },
  },
  // The settings carry their own version (0 while the defaults stand), not the plan's.
  "PUT /api/plans/:id/reminder-settings": {
    prepare: async ({ tenant }) => {
      const res = await tenant.sessions.supervisor.get(`/api/plans/${tenant.ids.plan}/reminder-settings`);
      return { version: expectStatus<{ version: number }>(res, 200).version };
    },
  },
  // The 文号 prefixes carry their own version (0 while the defaults stand).
  "PUT /api/settings/document-numbers": {
    prepare: async ({ tenant }) => {
      const res = await tenant.sessions.supervisor.get("/api/settings/document-numbers");
      return { version: expectStatus<{ version: number }>(res, 200).version };
    },
  },
  // The matrix may have saved the year already: send the version the year is at now.
  "PUT /api/work-calendar/:year": {
    prepare: async ({ tenant }) => {
      const res = await tenant.sessions.admin.get("/api/work-calendar/2030");
      return { version: expectStatus<{ version: number }>(res, 200).version };
    },
  },
  // Two items overdue and without a notice, so the scan raises more than one (each in its own transaction).
  "POST /api/notices/scan": {
    prepare: async (ctx) => {
      const plan = await freshPlan(ctx);
      const detail = expectStatus<PlanDetail>(
        await ctx.tenant.sessions.supervisor.get(`/api/plans/${plan}`),
        200,
      );
      const task = flattenTree(detail.nodes).find((n) => n.level === "task")!;
      const units = [await freshUnit(ctx), await freshUnit(ctx)];
      const nodeUrl = `/api/nodes/${task.id}/assignments`;
      expectStatus(
        await ctx.tenant.sessions.supervisor.post(nodeUrl, { unitIds: units, role: "executor" }),
        201,
      );
      const page = expectStatus<{ items: { id: string }[] }>(
        await ctx.tenant.sessions.supervisor.get(nodeUrl),
        200,
      );
      for (const a of page.items) await setDueInDays(ctx.t, a.id, -30);
      return {};
    },
  },
  // Bytes not yet stored, so the replays show what a failed upload leaves in the file store.
  "POST /api/files": {
    upload: async () => ({
      name: "照片.png",
      type: "image/png",
      content: Buffer.concat([png, Buffer.from(uniq())]),
    }),
  },
  // The fixture's report awaits review: the lead department returns it, and the unit files it again.
  "POST /api/assignments/:id/reports": {
    prepare: async ({ tenant }) => {
      const report = await reportVersion(tenant);
      const res = await tenant.sessions.department.post(`/api/reports/${tenant.ids.report}/review`, {
        decision: "return",
        reason: "请补充佐证材料",
        version: report,
      });
      return { version: expectStatus<{ version: number }>(res, 200).version };
    },
  },
  // One request may be pending at a time: the fixture's is settled first, straight in the database.
  "POST /api/extensions": {
    role: "school",
    prepare: async ({ t, tenant }) => {
      await (t.database.db as Db)
        .update(extensionRequests)
        .set({ status: "refused", refusalReason: "回滚测试" })
        .where(
          and(
            eq(extensionRequests.tenantId, tenant.tenantId),
            eq(extensionRequests.assignmentId, tenant.ids.assignment),
          ),
        );
      return {};
    },
  },
  // The request pending on the fixture's assignment (the one just made, when the route above ran).
  "POST /api/extensions/:id/decision": {
    prepare: async (ctx) => ({ ids: { extension: (await pendingExtension(ctx, ["pending_lead"])).id } }),
  },
  // Deleting and issuing each end a draft: each gets its own, so the matrix's stays a draft for the others.
  "DELETE /api/bulletins/:id": {
    prepare: async (ctx) => ({ ids: { bulletin: (await freshBulletin(ctx)).id } }),
  },
  "POST /api/bulletins/:id/issue": {
    prepare: async (ctx) => ({ ids: { bulletin: (await freshBulletin(ctx)).id } }),
  },
  // The matrix's plan has a locked 考评方案: saving and copying take a plan of their own.
  "PUT /api/plans/:id/assessment-scheme": {
    prepare: async (ctx) => ({
      ids: { plan: await freshPlan(ctx) },
      body: { scheme: defaultAssessmentScheme(), version: 0 },
    }),
  },
  "POST /api/plans/:id/assessment-scheme/copy": {
    prepare: async (ctx) => ({
      ids: { plan: await freshPlan(ctx) },
      body: { fromPlanId: ctx.tenant.ids.plan, version: 0 },
    }),
  },
  // The matrix's run is published with an appeal pending: each of these takes a run in the state it acts on.
  "DELETE /api/assessments/:id": {
    prepare: async (ctx) => ({ ids: { assessment: (await freshAssessment(ctx, "trial")).id } }),
  },
  "POST /api/assessments/:id/adjustments": {
    prepare: async (ctx) => ({ ids: { assessment: (await freshAssessment(ctx, "trial")).id } }),
  },
  "POST /api/assessments/:id/publish": {
    prepare: async (ctx) => ({ ids: { assessment: (await freshAssessment(ctx, "formal")).id } }),
  },
  "POST /api/assessments/:id/finalise": {
    prepare: async (ctx) => ({ ids: { assessment: (await freshAssessment(ctx, "published")).id } }),
  },
  "POST /api/assessments/:id/appeals": {
    role: "school",
    prepare: async (ctx) => ({ ids: { assessment: (await freshAssessment(ctx, "published")).id } }),
  },
  // The matrix sends a stale version to an indicator without a formula; the success defines one on a free one.
  "PUT /api/indicators/:id/formula": {
    prepare: async (ctx) => ({
      ids: { indicator: await indicatorWithoutFormula(ctx) },
      body: { formId: ctx.tenant.ids.form, source: "sum(在园幼儿数)" },
    }),
  },
  "DELETE /api/indicators/:id/formula": {
    role: "supervisor",
    prepare: async (ctx) => {
      const indicator = await indicatorWithoutFormula(ctx);
      const put = await ctx.tenant.sessions.supervisor.put(`/api/indicators/${indicator}/formula`, {
        formId: ctx.tenant.ids.form,
        source: "count()",
      });
      expectStatus(put, 200);
      return { ids: { indicator } };
    },
  },
  // Deleting ends a draft form, closing ends a round, reviewing ends a handed-in submission: each gets its own,
  // so the matrix's form, round and draft submission stay as they are for the others.
  "DELETE /api/forms/:id": { prepare: async (ctx) => ({ ids: { form: await freshForm(ctx) } }) },
  // Sending a round recomputes the form's computed indicators, which append a history point only when a figure
  // changes: on the matrix's form that depends on what earlier recipes left (its formulas, its latest round), so
  // the count of writes did not stay fixed between the replays and the success. A fresh draft form writes the
  // same statements every time (round, drafts, activation); the recompute's own rollback is the approval's.
  // Archiving and restoring move a form of their own: the matrix's form stays active with its open round.
  "POST /api/forms/:id/archive": {
    prepare: async (ctx) => ({ ids: { form: await sentAndClosedForm(ctx) }, version: 1 }),
  },
  "POST /api/forms/:id/restore": {
    prepare: async (ctx) => {
      const form = await sentAndClosedForm(ctx);
      const res = await ctx.tenant.sessions.department.post(`/api/forms/${form}/archive`, { version: 1 });
      expectStatus(res, 200);
      return { ids: { form }, version: 2 };
    },
  },
  "POST /api/forms/:id/rounds": { prepare: async (ctx) => ({ ids: { form: await freshForm(ctx) } }) },
  "POST /api/form-rounds/:id/close": {
    prepare: async (ctx) => ({ ids: { formRound: (await freshRound(ctx)).id }, version: 0 }),
  },
  "POST /api/form-submissions/:id/approve": {
    prepare: async (ctx) => ({ ids: { formSubmission: await freshSubmitted(ctx) } }),
  },
  "POST /api/form-submissions/:id/return": {
    prepare: async (ctx) => ({ ids: { formSubmission: await freshSubmitted(ctx) } }),
  },
  // The matrix uploads a sheet that is no template: a round of its own, its template filled in for its unit.
  "POST /api/form-rounds/:id/import": importRecipe(),
  // The matrix signs in with a wrong password; the success is a real user's.
  "POST /api/auth/login": {
    anonymous: true,
    prepare: async ({ t, tenant }) => {
      const user = await buildUser(t.database.db as Db, { tenantId: tenant.tenantId, role: "leader" });
      return { body: { login: user.login, password: TEST_PASSWORD } };
    },
  },
};

/**
 * Further successes of routes whose richest path is not the one above: each runs as a test of its own, after
 * the route's own.
 */
export const furtherSuccesses: { route: string; label: string; recipe: SuccessRecipe }[] = [
  {
    route: "POST /api/extensions/:id/decision",
    label: "the 督查室's final approval, which moves the assignment's due date",
    recipe: {
      role: "supervisor",
      prepare: async (ctx) => {
        let pending = await pendingExtension(ctx, ["pending_lead", "pending_supervisor"]);
        if (pending.status === "pending_lead") {
          const url = `/api/extensions/${pending.id}/decision`;
          const body = { decision: "approve", version: pending.version };
          expectStatus(await ctx.tenant.sessions.department.post(url, body), 200);
          pending = await pendingExtension(ctx, ["pending_supervisor"]);
        }
        return { ids: { extension: pending.id } };
      },
    },
  },
];

const storedBytes =
  "the bytes are stored (content-addressed, by sha256) before the row that names them; bytes no row names " +
  "are harmless and serve the next upload of the same file, while deleting them could pull them from under " +
  "a parallel upload of the same file";

/**
 * Write routes that keep part of their work when a later statement fails, on purpose, each with its reason and
 * the tables it may leave changed. Their replays still run; every other table must be as it was.
 */
export const keepsPartialWork: { route: string; tables: string[]; why: string }[] = [
  {
    route: "POST /api/notices/scan",
    tables: [
      "supervision_notices",
      "notice_events",
      "notifications",
      "document_number_sequences",
      "search_entries",
      "data_versions",
    ],
    why:
      "each notice is raised, upgraded or closed whole in its own transaction (notice, its 文号, event, " +
      "notification and search entry together, and the tenant's data version moves with it), so one failing item does not undo the others; the scan is idempotent, and the next run " +
      "(the scheduler's or the next click) finishes the rest",
  },
  {
    route: "POST /api/auth/login",
    tables: ["login_failures"],
    why:
      "the attempt slot is taken in its own statement before the password is checked, so simultaneous guesses " +
      "cannot outrun the lock; a sign-in that fails after it counts as a failed attempt until a success clears it",
  },
  {
    route: "POST /api/plan-imports/upload",
    tables: ["files on disk"],
    why: storedBytes,
  },
  { route: "POST /api/files", tables: ["files on disk"], why: storedBytes },
  {
    route: "POST /api/auth/change-password",
    tables: ["login_failures"],
    why:
      "the current password is checked against the sign-in attempt slots: the slot is taken in its own " +
      "statement before the check, so parallel guesses each see it, and it stays taken (one failed attempt) " +
      "until a success clears it",
  },
];

/** An indicator of the matrix's plan that is not computed yet, for a formula of its own. */
async function indicatorWithoutFormula({ tenant }: RecipeContext): Promise<string> {
  const s = tenant.sessions.supervisor;
  const plan = expectStatus<PlanDetail>(await s.get(`/api/plans/${tenant.ids.plan}`), 200);
  for (const i of flattenTree(plan.nodes).flatMap((n) => n.indicators)) {
    const computed = expectStatus<{ formula: unknown }>(await s.get(`/api/indicators/${i.id}/computed`), 200);
    if (computed.formula === null) return i.id;
  }
  throw new Error("preparation failed: every indicator has a formula");
}
