// The limit: the least work the submit path can do on Fastify 5 + node-postgres, to measure Duban against on the
// same machine in the same run. POST /reports streams one multipart file to disk while hashing it, then one
// transaction inserts the file row and the report row and updates the assignment's progress (5 statements,
// 1 commit). POST /reports/:id/approve updates the report and the assignment in one transaction. Their only check
// is a fixed header; no session, no log lines. POST /reports/:id/review is the review's minimal equivalent (below):
// what Duban's approval must do, without Duban's layers. Env: DATABASE_URL, PORT, DATA_DIR, LIMIT_TOKEN.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import Fastify from "fastify";
import pg from "pg";
import pino from "pino";
import { limitSessionId } from "./schema.js";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const dir = path.join(process.env.DATA_DIR ?? ".", "files");
fs.mkdirSync(dir, { recursive: true });
const token = process.env.LIMIT_TOKEN ?? "limit";

const app = Fastify({ logger: false });
await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
app.addHook("onRequest", async (request, reply) => {
  // The review's equivalent authenticates by its session, as Duban does.
  if (request.routeOptions.url === "/reports/:id/review") return;
  if (request.headers["x-limit-token"] !== token) return reply.status(401).send({ error: "unauthorized" });
});

async function transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query("begin");
    const out = await fn(c);
    await c.query("commit");
    return out;
  } catch (err) {
    await c.query("rollback").catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

app.post("/reports", async (request, reply) => {
  const fields: Record<string, string> = {};
  let file:
    | { id: string; name: string; mime: string; size: number; sha256: string; path: string }
    | undefined;
  for await (const part of request.parts()) {
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const id = randomUUID();
    const hash = createHash("sha256");
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const target = path.join(dir, id);
    await pipeline(part.file, tap, fs.createWriteStream(target));
    file = { id, name: part.filename, mime: part.mimetype, size, sha256: hash.digest("hex"), path: target };
  }
  const progress = Number(fields.progress);
  if (!file || !fields.assignmentId || !Number.isInteger(progress))
    return reply.status(400).send({ error: "file, assignmentId and progress are required" });
  const reportId = randomUUID();
  const f = file;
  const updated = await transaction(async (c) => {
    await c.query(
      "insert into limit_file (id, name, mime, size, sha256, path) values ($1, $2, $3, $4, $5, $6)",
      [f.id, f.name, f.mime, f.size, f.sha256, f.path],
    );
    await c.query(
      `insert into limit_report (id, assignment_id, file_id, progress, done_text, problems_text, next_text, status)
       values ($1, $2, $3, $4, $5, $6, $7, 'submitted')`,
      [
        reportId,
        fields.assignmentId,
        f.id,
        progress,
        fields.doneText ?? "",
        fields.problemsText ?? "",
        fields.nextText ?? "",
      ],
    );
    const a = await c.query(
      "update limit_assignment set progress = $2, status = 'submitted', updated_at = now() where id = $1",
      [fields.assignmentId, progress],
    );
    return a.rowCount;
  });
  if (updated !== 1) return reply.status(404).send({ error: "no such assignment" });
  return reply.status(201).send({ id: reportId, version: 1, fileId: f.id });
});

app.post<{ Params: { id: string }; Body: { version: number } }>(
  "/reports/:id/approve",
  async (request, reply) => {
    const ok = await transaction(async (c) => {
      const r = await c.query(
        `update limit_report set status = 'approved', version = version + 1, reviewed_at = now()
        where id = $1 and version = $2 and status = 'submitted' returning assignment_id`,
        [request.params.id, request.body.version],
      );
      if (r.rowCount !== 1) return false;
      await c.query("update limit_assignment set status = 'approved', updated_at = now() where id = $1", [
        r.rows[0].assignment_id,
      ]);
      return true;
    });
    if (!ok) return reply.status(409).send({ error: "report changed or missing" });
    return { id: request.params.id, status: "approved" };
  },
);

// The review's minimal equivalent: what an approval in Duban must do, written by hand on the same stack. The
// session (cookie, expiry, CSRF header) and the reviewer's role in one read; the report with its history in one
// read; one statement that writes the decision, the history event, the assignment, the audit row and the
// notice; the report as the answer, with the security headers; one log line. Prepared statements by name.
const log = pino(pino.destination({ dest: path.join(process.env.DATA_DIR ?? ".", "limit.log"), sync: true }));
const securityHeaders = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};
const SESSION_SQL = `select u.id, u.name, u.roles, u.enabled, s.csrf_token, s.expires_at
  from limit_session s join limit_user u on u.id = s.user_id where s.id = $1`;
const CONTEXT_SQL = `select r.id, r.assignment_id, r.status, r.version, r.progress, r.done_text, r.problems_text,
    r.next_text, r.submitted_at, coalesce((select json_agg(json_build_object('action', e.action, 'reason', e.reason,
      'actorName', e.actor_name, 'at', e.created_at) order by e.id)
      from limit_report_event e where e.report_id = r.id), '[]'::json) as history
  from limit_report r join limit_assignment a on a.id = r.assignment_id where r.id = $1`;
const REVIEW_SQL = `with saved as (
    update limit_report set status = $2, version = version + 1, reviewed_at = now()
    where id = $1 and version = $3 and status = 'submitted' returning *),
  event as (insert into limit_report_event (report_id, action, reason, actor_id, actor_name)
    select id, $4, $5, $6, $7 from saved returning action, reason, actor_name, created_at),
  moved as (update limit_assignment a set status = $2, progress = saved.progress, updated_at = now()
    from saved where a.id = saved.assignment_id and $8::boolean returning 1),
  audited as (insert into limit_audit (actor_id, actor_name, action, entity, entity_id, summary, ip)
    select $6, $7, $9, 'report', id::text, $10::jsonb, $11 from saved returning 1),
  notified as (insert into limit_notification (assignment_id, kind, title, body, link)
    select assignment_id, $12, $13, $14, '/assignments/' || assignment_id || '/reports/' || id from saved returning 1)
  select saved.version, saved.reviewed_at, (select row_to_json(event) from event) as event,
    (select count(*) from moved) + (select count(*) from audited) + (select count(*) from notified) as written
  from saved`;

app.post<{ Params: { id: string }; Body: { decision?: unknown; version?: unknown; reason?: unknown } }>(
  "/reports/:id/review",
  {
    // One line per answered request, refusals included, as Duban's request log.
    onResponse: (request, reply, done) => {
      log.info(
        {
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          responseTime: reply.elapsedTime,
        },
        "request completed",
      );
      done();
    },
  },
  async (request, reply) => {
    reply.headers(securityHeaders);
    const cookie = /(?:^|;\s*)limit_session=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
    if (!cookie) return reply.status(401).send({ error: "请先登录" });
    const s = await pool.query({
      name: "limit_session",
      text: SESSION_SQL,
      values: [limitSessionId(cookie)],
    });
    const user = s.rows[0];
    if (!user?.enabled || user.expires_at <= new Date()) return reply.status(401).send({ error: "请先登录" });
    if (request.headers["x-csrf-token"] !== user.csrf_token) return reply.status(403).send({ error: "csrf" });
    if (!user.roles.includes("lead")) return reply.status(403).send({ error: "只有牵头科室可以审核该反馈" });
    const { decision, version, reason } = request.body ?? {};
    if ((decision !== "approve" && decision !== "return") || !Number.isInteger(version))
      return reply.status(400).send({ error: "decision and version are required" });
    if (reason !== undefined && typeof reason !== "string")
      return reply.status(400).send({ error: "reason" });
    const c = await pool.query({
      name: "limit_review_context",
      text: CONTEXT_SQL,
      values: [request.params.id],
    });
    const report = c.rows[0];
    if (!report) return reply.status(404).send({ error: "反馈不存在" });
    if (report.status !== "submitted" || report.version !== version)
      return reply.status(409).send({ error: "该反馈刚刚已被其他人审核" });
    const approve = decision === "approve";
    const w = await pool.query({
      name: "limit_review",
      text: REVIEW_SQL,
      values: [
        request.params.id,
        approve ? "approved" : "returned",
        version,
        decision,
        reason ?? null,
        user.id,
        user.name,
        approve,
        approve ? "report.approve" : "report.return",
        JSON.stringify({ progress: report.progress, reason: reason ?? null }),
        request.ip,
        approve ? "report.approved" : "report.returned",
        approve ? "反馈已审核通过" : "反馈被退回，请修改后重新提交",
        approve ? `进度 ${report.progress}% 已计入任务` : `退回原因：${reason ?? ""}`,
      ],
    });
    const saved = w.rows[0];
    if (!saved) return reply.status(409).send({ error: "该反馈刚刚已被其他人审核" });
    // The audit row, the notice and on approval the assignment: a decision without them is a broken equivalent.
    const owed = approve ? 3 : 2;
    if (Number(saved.written) !== owed) throw new Error(`review wrote ${saved.written} of its ${owed} rows`);
    return {
      id: report.id,
      assignmentId: report.assignment_id,
      status: approve ? "approved" : "returned",
      progress: report.progress,
      doneText: report.done_text,
      problemsText: report.problems_text,
      nextText: report.next_text,
      submittedAt: report.submitted_at.toISOString(),
      reviewedAt: new Date(saved.reviewed_at).toISOString(),
      history: [
        ...report.history,
        {
          action: saved.event.action,
          reason: saved.event.reason,
          actorName: saved.event.actor_name,
          at: saved.event.created_at,
        },
      ],
      version: saved.version,
    };
  },
);

app.get("/health", async () => ({ ok: true }));

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
for (const sig of ["SIGTERM", "SIGINT"] as const)
  process.once(sig, () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
