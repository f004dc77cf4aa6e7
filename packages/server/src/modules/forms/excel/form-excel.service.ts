import { canViewForms, formRoundPermissions } from "@duban/domain";
import { notFound } from "../../../errors.js";
import { authorize } from "../../../http/authorize.js";
import type { ServiceContext } from "../../../http/context.js";
import * as forms from "../forms.repository.js";
import { buildFormTemplate } from "./build-form-template.js";
import { findRoundSheetRows } from "./form-excel.repository.js";

/** A round of the tenant with its form, for its managers only: 404 to those who cannot see it, 403 to the rest. */
export async function getManagedRound(ctx: ServiceContext, id: string, refusal: string) {
  const row = canViewForms(ctx.actor) ? await forms.findRound(ctx.database.db, ctx.actor.tenantId, id) : null;
  if (!row) throw notFound("填报批次");
  authorize(formRoundPermissions(ctx.actor, row.form), "review", refusal);
  return row;
}

/** The round's form, as the template and the reader take it. */
export function excelFormOf(form: forms.FormRow) {
  return { id: form.id, title: form.title, version: form.version, fields: form.fields, rules: form.rules };
}

/** The round's audience as template rows, and their current values. */
export function sheetOf(rows: Awaited<ReturnType<typeof findRoundSheetRows>>) {
  return {
    units: rows.map((r) => ({ id: r.unitId, name: r.unitName, code: r.unitCode })),
    submissions: rows.map((r) => ({ unitId: r.unitId, values: r.values })),
  };
}

/** A file name without the characters file systems refuse. */
function fileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 80);
}

/**
 * The round's Excel template for its form's managers: every audience unit's row with its current values, for a
 * department to fill in for many units at once.
 */
export async function buildRoundTemplate(ctx: ServiceContext, roundId: string) {
  const { round, form } = await getManagedRound(ctx, roundId, "只有填报表的负责科室或督查室可以下载导入模板");
  const rows = await findRoundSheetRows(ctx.database.db, ctx.actor.tenantId, roundId);
  const body = await buildFormTemplate({ form: excelFormOf(form), round, ...sheetOf(rows) });
  return { name: `${fileName(`${form.title}（${round.name}）`)}导入模板.xlsx`, body };
}
