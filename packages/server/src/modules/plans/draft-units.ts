import type { DraftNode, FieldIssue, PlanDraftEdit } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { invalid } from "../../errors.js";
import { findAllUnits } from "../units/index.js";

/** Every unit id a draft refers to, with the field path that holds it. */
function unitRefs(nodes: DraftNode[], prefix: string, out: { path: string; id: string }[] = []) {
  nodes.forEach((node, i) => {
    const at = `${prefix}.${i}`;
    if (node.leadUnitId) out.push({ path: `${at}.leadUnitId`, id: node.leadUnitId });
    for (const [j, id] of node.coUnitIds.entries()) out.push({ path: `${at}.coUnitIds.${j}`, id });
    unitRefs(node.children, `${at}.children`, out);
  });
  return out;
}

/** Refuses a draft that names a unit the tenant does not have (or has disabled), naming each field. */
export async function assertDraftUnits(db: DbOrTx, tenantId: string, draft: PlanDraftEdit): Promise<void> {
  const refs = unitRefs(draft.nodes, "draft.nodes");
  if (refs.length === 0) return;
  const known = new Set((await findAllUnits(db, tenantId)).map((u) => u.id));
  const issues: FieldIssue[] = refs
    .filter((r) => !known.has(r.id))
    .map((r) => ({ path: r.path, message: "单位不存在或已停用" }));
  if (issues.length) throw invalid(issues, "草稿中有不存在或已停用的责任单位");
}
