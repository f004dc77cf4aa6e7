import type { FormField, FormValues, ImportResult } from "@duban/domain";
import { AppError } from "../../../errors.js";
import type { ServiceContext } from "../../../http/context.js";
import { audit } from "../../audit/index.js";
import { runFormDataChanged } from "../data-changed-hook.js";
import * as subs from "../form-submissions.repository.js";
import { findRoundSheetRows, type RoundSheetRow } from "./form-excel.repository.js";
import { excelFormOf, getManagedRound, sheetOf } from "./form-excel.service.js";
import { readFormUpload, type UploadProblem, type UploadRow } from "./read-form-upload.js";

/** The refusal of an upload with wrong rows: 400 naming each, nothing saved. */
function problemsError(problems: UploadProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return new AppError(
    "validation_failed",
    `文件中有 ${sorted.length} 处错误，未导入任何数据，请按提示修改后重新上传`,
    sorted,
  );
}

/** A stored value as compared: absent and blank are the same. */
const comparable = (v: unknown) => JSON.stringify(v === undefined || v === "" ? null : v);

/** Whether the row gives every field the value the unit's submission already holds. */
function unchanged(fields: FormField[], stored: FormValues, given: FormValues): boolean {
  return fields.every((f) => comparable(stored[f.key]) === comparable(given[f.key]));
}

/**
 * Splits the rows into those that change a submission and those that repeat it. A repeated row is left alone,
 * whatever its state: the template comes prefilled, and re-uploading a unit's own draft must not approve it.
 * A row that would change an approved, locked submission is a problem.
 */
function planChanges(fields: FormField[], rows: UploadRow[], current: Map<string, RoundSheetRow>) {
  const changes: { row: UploadRow; submission: RoundSheetRow }[] = [];
  const problems: UploadProblem[] = [];
  for (const row of rows) {
    const submission = current.get(row.unitId)!;
    if (unchanged(fields, submission.values, row.values)) continue;
    if (submission.status === "approved")
      problems.push({
        row: row.row,
        field: null,
        message: `第 ${row.row} 行：单位「${submission.unitName}」的填报已审核通过并锁定，不能修改；请恢复原来的数据或清空这一行`,
      });
    else changes.push({ row, submission });
  }
  return { changes, problems };
}

/**
 * Imports a filled-in template of a round: every row is checked first and nothing is saved if any is wrong;
 * then each changed unit's submission is saved as approved in one transaction — the form's manager, who alone
 * may import, entered the figures and is the one who would approve them — with an "imported" entry in its
 * history, and the form's computed indicators are recomputed in the same transaction.
 */
export async function importRoundUpload(
  ctx: ServiceContext,
  roundId: string,
  readUpload: () => Promise<{ name: string; body: Buffer }>,
): Promise<ImportResult> {
  const { round, form } = await getManagedRound(ctx, roundId, "只有填报表的负责科室或督查室可以导入数据");
  if (round.status === "closed") throw new AppError("conflict", "该填报批次已结束，不能再导入数据");
  // Read only once the caller may import, so no one else can make the server parse files.
  const upload = await readUpload();
  const { db } = ctx.database;
  const tenantId = ctx.actor.tenantId;
  const rows = await findRoundSheetRows(db, tenantId, roundId);
  const read = await readFormUpload(upload.body, { form: excelFormOf(form), round, ...sheetOf(rows) });
  if (!read.ok) throw problemsError(read.errors);
  const current = new Map(rows.map((r) => [r.unitId, r]));
  const { changes, problems } = planChanges(form.fields, read.rows, current);
  if (problems.length > 0) throw problemsError(problems);
  if (changes.length === 0) return { imported: 0 };
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    for (const { row, submission } of changes) {
      const key = { tenantId, id: submission.id, version: submission.version, from: submission.status };
      const saved = await subs.updateSubmission(tx, key, {
        status: "approved",
        values: row.values,
        submittedAt: submission.submittedAt ?? now,
        reviewedAt: now,
        reviewedBy: ctx.actor.userId,
        returnReason: null,
        updatedAt: now,
      });
      if (!saved)
        throw new AppError("stale_version", `第 ${row.row} 行的单位刚刚修改了填报，请重新下载模板后再导入`);
      await subs.insertSubmissionEvent(tx, {
        tenantId,
        submissionId: submission.id,
        action: "imported",
        values: row.values,
        actorId: ctx.actor.userId,
        createdAt: now,
      });
    }
    await runFormDataChanged(tx, { tenantId, formId: form.id, now });
    await audit(ctx, tx, {
      action: "form_round.import",
      entity: "form_round",
      entityId: round.id,
      summary: { form: form.title, name: round.name, file: upload.name, units: changes.length },
    });
  });
  return { imported: changes.length };
}
