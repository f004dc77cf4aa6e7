import { type FormulaAst, formulaFieldKeys } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { findFormulaUses } from "./indicator-formulas.repository.js";

/** A field of a form that a computed indicator's formula reads. */
export interface FieldUse {
  key: string;
  indicatorId: string;
  indicatorName: string;
}

/**
 * The fields of a form that computed indicators read, one entry per field and indicator: the forms module
 * refuses to delete (or retype) these, since the formula would no longer compute.
 */
export async function findFormFieldUses(db: DbOrTx, tenantId: string, formId: string): Promise<FieldUse[]> {
  const rows = await findFormulaUses(db, tenantId, formId);
  return rows.flatMap((r) =>
    formulaFieldKeys(r.ast as FormulaAst).map((key) => ({
      key,
      indicatorId: r.indicatorId,
      indicatorName: r.name,
    })),
  );
}
