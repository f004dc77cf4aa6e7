// Reads every report of a round back through the API: each answered 201 must be stored, with its file, and
// approved; the assignment list and the cycle counters must say the same.
import type { Submitted } from "./reports-load.js";
import { type Scenario, taskAssignments } from "./seed.js";
import { eachLimited } from "./stats.js";

export interface Consistency {
  reportsAnswered201: number;
  lost: number;
  missing: number;
  notApproved: number;
  wrongContent: number;
  samples: string[];
  assignmentsWithProgress: number;
  cycleCounters: { submitted: number; approved: number } | null;
}

export async function verifyRound(s: Scenario, reports: Submitted[]): Promise<Consistency> {
  let missing = 0;
  let notApproved = 0;
  let wrongContent = 0;
  const samples: string[] = [];
  await eachLimited(reports, 16, async (r) => {
    const res = await s.lead.get(`/api/reports/${r.id}`);
    const body = res.body as { status?: string; progress?: number; files?: unknown[] };
    if (res.status !== 200) {
      missing++;
      if (samples.length < 5) samples.push(`${r.id}: ${res.error}`);
    } else if (body.status !== "approved") notApproved++;
    else if (body.progress !== r.progress || body.files?.length !== 1) wrongContent++;
  });
  const assignments = await taskAssignments<{ progress: number }>(s.lead, s.nodeId);
  const cycles = await s.lead.get(`/api/plans/${s.planId}/cycles?pageSize=200`);
  const cycle = (cycles.body as { items: { id: string; submitted: number; approved: number }[] }).items.find(
    (c) => c.id === s.cycleId,
  );
  return {
    reportsAnswered201: reports.length,
    lost: missing + notApproved + wrongContent,
    missing,
    notApproved,
    wrongContent,
    samples,
    assignmentsWithProgress: assignments.filter((a) => a.progress > 0).length,
    cycleCounters: cycle ? { submitted: cycle.submitted, approved: cycle.approved } : null,
  };
}
