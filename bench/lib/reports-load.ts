// The measured steps of the reports bench, sent by the native load client: Duban's upload + submit surge and its
// review, and the limit server's same work under the same burst. Each returns latency steps and costs per report.

import type { LimitReviewer } from "../limit/schema.js";
import { type DbCost, type DbMonitor, processCpuMs } from "./cpu.js";
import type { LimitServer } from "./limit.js";
import { type Flow, type LoadResult, prepareLoad, requestsAt } from "./native-load.js";
import type { Scenario } from "./seed.js";
import { Step, type StepSummary } from "./stats.js";

const FILE_BYTES = 200 * 1024;
/** A JPEG header; the rest of each photo is unique random bytes, so every upload is a new stored file. */
const JPEG_HEAD = "ffd8ffe000104a46494600010100000100010000";

/** How a burst is sent. */
export interface BurstOptions {
  /** 0: every flow at the same instant; else flows spread evenly over this many ms. */
  spreadMs: number;
  timeoutMs: number;
  signal: AbortSignal;
}

/** What one burst cost, per unit of work (a report or an approval). */
export interface Cost {
  units: number;
  serverCpuMs: number;
  /** The watched database's backends (PostgreSQL only). */
  dbCpuMs: number | null;
  /** Every postgres process of the cluster, other databases' work included. */
  clusterCpuMs: number | null;
  statements: number | null;
  commits: number | null;
  /** The load client's own CPU per unit (it runs in its own process). */
  clientCpuMs: number;
}

const per = (n: number | null | undefined, units: number) =>
  n === null || n === undefined ? null : Number((n / Math.max(1, units)).toFixed(3));

/** Sends the flows as one burst while reading the server's CPU and the database's counters around it. */
async function measured(
  base: string,
  flows: Flow[],
  serverPid: number,
  db: DbMonitor | undefined,
  opts: BurstOptions,
  label: string,
): Promise<{ result: LoadResult; cpuMs: number; db: DbCost | undefined }> {
  const load = await prepareLoad({ base, flows, concurrency: "all", ...opts });
  await db?.start(label);
  const cpu0 = processCpuMs(serverPid);
  const result = await load.run();
  const cpuMs = processCpuMs(serverPid) - cpu0;
  return { result, cpuMs, db: await db?.stop() };
}

function costOf(units: number, m: { result: LoadResult; cpuMs: number; db: DbCost | undefined }): Cost {
  return {
    units,
    serverCpuMs: per(m.cpuMs, units)!,
    dbCpuMs: per(m.db?.backendsCpuMs, units),
    clusterCpuMs: per(m.db?.clusterCpuMs, units),
    statements: per(m.db?.statements, units),
    commits: per(m.db?.commits, units),
    clientCpuMs: per(m.result.clientCpuMs, units)!,
  };
}

function stepOf(samples: { start: number; end: number; ok: boolean; error?: string }[]): StepSummary {
  const step = new Step();
  for (const s of samples) step.add(s);
  return step.summary();
}

/** A submitted report the review step approves and the verification reads back. */
export interface Submitted {
  id: string;
  version: number;
  progress: number;
}

/** The progress school `i` reports. */
const progressOf = (i: number) => 10 + (i % 90);

/** What school `i` writes in its report (the limit's request carries the same). */
function reportTexts(i: number) {
  return {
    progress: progressOf(i),
    doneText: `新增学位${i + 1}个，完成分园装修。`,
    problemsText: "师资配备仍有缺口。",
    nextText: "完成招生。",
  };
}

/** School `i`'s photo: 200 KB of its own. */
function photoOf(i: number) {
  return {
    field: "file",
    filename: `现场照片-${i + 1}.jpg`,
    contentType: "image/jpeg",
    randomBytes: FILE_BYTES,
    prefixHex: JPEG_HEAD,
  };
}

/** The reports a burst's flows submitted, as their request number `at` answered them (201 only). */
function submittedBy(result: LoadResult, at: number): Submitted[] {
  return result.flows.flatMap((f) => {
    const rep = f.requests[at];
    if (!rep?.ok) return [];
    const body = rep.body as { id: string; version: number };
    return [{ id: body.id, version: body.version, progress: progressOf(f.flow) }];
  });
}

/** Every school uploads a photo and then submits its report referencing it, all schools at once. */
export async function dubanSurge(
  base: string,
  pid: number,
  s: Scenario,
  db: DbMonitor | undefined,
  o: BurstOptions,
) {
  const flows: Flow[] = s.schools.map((school, i) => {
    const headers = school.client.sessionHeaders();
    return [
      { method: "POST", path: "/api/files", headers, multipart: { files: [photoOf(i)] }, expect: 201 },
      {
        method: "POST",
        path: `/api/assignments/${school.assignmentId}/reports`,
        headers,
        json: { cycleId: s.cycleId, ...reportTexts(i), fileIds: ["{{0.id}}"], submit: true },
        expect: 201,
        keepBody: true,
      },
    ];
  });
  const m = await measured(base, flows, pid, db, o, "surge");
  const reports = submittedBy(m.result, 1);
  const together = m.result.flows.map((f) => {
    const last = f.requests.at(-1)!;
    return {
      start: f.requests[0]!.start,
      end: last.end,
      ok: f.requests.length === 2 && last.ok,
      error: last.error,
    };
  });
  return {
    steps: {
      upload: stepOf(requestsAt(m.result, 0)),
      submit: stepOf(requestsAt(m.result, 1)),
      uploadThenSubmit: stepOf(together),
    },
    cost: costOf(s.schools.length, m),
    reports,
  };
}

/**
 * Every school submits its report with its photo in one request, all schools at once: the form a phone sends
 * (POST /api/assignments/:id/reports/with-files), the same work as the limit's one request.
 */
export async function dubanFormSurge(
  base: string,
  pid: number,
  s: Scenario,
  db: DbMonitor | undefined,
  o: BurstOptions,
) {
  const flows: Flow[] = s.schools.map((school, i) => [
    {
      method: "POST",
      path: `/api/assignments/${school.assignmentId}/reports/with-files`,
      headers: school.client.sessionHeaders(),
      multipart: {
        fields: { report: JSON.stringify({ cycleId: s.cycleId, ...reportTexts(i), submit: true }) },
        files: [photoOf(i)],
      },
      expect: 201,
      keepBody: true,
    },
  ]);
  const m = await measured(base, flows, pid, db, o, "form");
  const reports = submittedBy(m.result, 0);
  return { step: stepOf(requestsAt(m.result, 0)), cost: costOf(s.schools.length, m), reports };
}

/** The lead department approves every submitted report, all at once. */
export async function dubanReview(
  base: string,
  pid: number,
  s: Scenario,
  reports: Submitted[],
  db: DbMonitor | undefined,
  o: BurstOptions,
) {
  const headers = s.lead.sessionHeaders();
  const flows: Flow[] = reports.map((r) => [
    {
      method: "POST",
      path: `/api/reports/${r.id}/review`,
      headers,
      json: { decision: "approve", version: r.version },
      expect: 200,
    },
  ]);
  const m = await measured(base, flows, pid, db, o, "review");
  const approved = new Set(m.result.flows.filter((f) => f.requests[0]?.ok).map((f) => reports[f.flow]!.id));
  return { step: stepOf(requestsAt(m.result, 0)), cost: costOf(reports.length, m), approved };
}

/**
 * The limit server's whole submit (file + report in one request), then its approval, under the same bursts; then
 * the review's equivalent (session, history, audit row, notice, the report as the answer) on reports seeded as
 * submitted.
 */
export async function limitRound(
  limit: LimitServer,
  assignmentIds: string[],
  db: DbMonitor | undefined,
  o: BurstOptions,
  equivalent: { reviewer: LimitReviewer; reportIds: string[] },
) {
  const headers = { "x-limit-token": limit.token };
  const flows: Flow[] = assignmentIds.map((assignmentId, i) => [
    {
      method: "POST",
      path: "/reports",
      headers,
      multipart: {
        fields: {
          assignmentId,
          ...Object.fromEntries(Object.entries(reportTexts(i)).map(([k, v]) => [k, String(v)])),
        },
        files: [photoOf(i)],
      },
      expect: 201,
      keepBody: true,
    },
  ]);
  const submit = await measured(limit.base, flows, limit.pid, db, o, "limit-submit");
  const ids = requestsAt(submit.result, 0)
    .filter((r) => r.ok)
    .map((r) => (r.body as { id: string }).id);
  const approve = await measured(
    limit.base,
    ids.map((id) => [
      { method: "POST", path: `/reports/${id}/approve`, headers, json: { version: 1 }, expect: 200 },
    ]),
    limit.pid,
    db,
    o,
    "limit-review",
  );
  const reviewHeaders = { cookie: equivalent.reviewer.cookie, "x-csrf-token": equivalent.reviewer.csrfToken };
  const review = await measured(
    limit.base,
    equivalent.reportIds.map((id) => [
      {
        method: "POST",
        path: `/reports/${id}/review`,
        headers: reviewHeaders,
        json: { decision: "approve", version: 1 },
        expect: 200,
      },
    ]),
    limit.pid,
    db,
    o,
    "limit-review-equivalent",
  );
  return {
    submit: { step: stepOf(requestsAt(submit.result, 0)), cost: costOf(assignmentIds.length, submit) },
    review: { step: stepOf(requestsAt(approve.result, 0)), cost: costOf(ids.length, approve) },
    reviewEquivalent: {
      step: stepOf(requestsAt(review.result, 0)),
      cost: costOf(equivalent.reportIds.length, review),
    },
  };
}
