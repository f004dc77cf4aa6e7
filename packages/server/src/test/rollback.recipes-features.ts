import { defaultAssessmentScheme, type PlanDetail } from "@duban/domain";
import ExcelJS from "exceljs";
import { flattenTree } from "./plan-fixtures.js";
import {
  expectStatus,
  freshAssessment,
  freshForm,
  freshPlan,
  freshRound,
  freshSubmitted,
  type RecipeContext,
  sentAndClosedForm,
} from "./rollback.prepare.js";
import type { SuccessRecipe } from "./rollback.recipe-types.js";

/**
 * The success recipes of 考评, 数据填报 and computed indicators, whose routes meet the refusal matrix's records in
 * states that refuse (a locked scheme, a published run, an active form with an open round).
 */

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
export const featureRecipes: Record<string, SuccessRecipe> = {
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
};

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
