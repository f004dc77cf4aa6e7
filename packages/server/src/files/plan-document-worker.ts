import { type PlanDraft, type PlanLayout, type PlanNode, parsePlan } from "@duban/plan-parser";
import { AppError } from "../errors.js";
import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";
import type { PlanJob, PlanReading } from "./plan-job.js";
import { assertTextLength, readPlanDocument } from "./read-plan-document.js";
import { serveJobs } from "./worker-job.js";

// Entry of the worker thread that reads and parses one plan document, away from the server's event loop.

/** Reads the document (or takes the pasted text) and parses it, within the text and item limits. */
async function run(job: PlanJob): Promise<PlanReading> {
  if ("text" in job) {
    assertTextLength(job.text.length);
    return { document: null, draft: parseBounded(job.text) };
  }
  const document = await readPlanDocument(job);
  const draft = parseBounded(document.text, document.layout);
  // A workbook is read as tables only: when none yields a task, say which sheet or row failed rather than import nothing.
  if (document.format === "xlsx" && draft.nodes.length === 0)
    throw new AppError(
      "bad_request",
      `没有从 Excel 文件中读出任何任务：${draft.warnings.filter((w) => /工作表/.test(w)).join("；") || "请确认其中有任务分解表"}`,
    );
  return { document, draft };
}

/** Parses text, refusing a tree with more items than any real plan (the review screen would stall on it). */
function parseBounded(text: string, layout: PlanLayout | null = null): PlanDraft {
  const draft = parsePlan(text, layout);
  const count = (nodes: PlanNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  const nodes = count(draft.nodes);
  if (nodes > planDocumentLimits.planNodes)
    throw documentTooLarge(`识别出 ${nodes} 个条目，超过 ${planDocumentLimits.planNodes} 个`);
  return draft;
}

serveJobs(run);
