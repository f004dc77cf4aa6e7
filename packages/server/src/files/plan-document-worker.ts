import { type PlanDraft, type PlanNode, parsePlan } from "@duban/plan-parser";
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
  return { document, draft: parseBounded(document.text) };
}

/** Parses text, refusing a tree with more items than any real plan (the review screen would stall on it). */
function parseBounded(text: string): PlanDraft {
  const draft = parsePlan(text);
  const count = (nodes: PlanNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  const nodes = count(draft.nodes);
  if (nodes > planDocumentLimits.planNodes)
    throw documentTooLarge(`识别出 ${nodes} 个条目，超过 ${planDocumentLimits.planNodes} 个`);
  return draft;
}

serveJobs(run);
