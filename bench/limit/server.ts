// The limit: the least work the submit path can do on Fastify 5 + node-postgres, to measure Duban against on the
// same machine in the same run. POST /reports streams one multipart file to disk while hashing it, then one
// transaction inserts the file row and the report row and updates the assignment's progress (5 statements,
// 1 commit). POST /reports/:id/approve updates the report and the assignment in one transaction. The only check
// is a fixed header; no session, no log lines. Env: DATABASE_URL, PORT, DATA_DIR, LIMIT_TOKEN.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import Fastify from "fastify";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const dir = path.join(process.env.DATA_DIR ?? ".", "files");
fs.mkdirSync(dir, { recursive: true });
const token = process.env.LIMIT_TOKEN ?? "limit";

const app = Fastify({ logger: false });
await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
app.addHook("onRequest", async (request, reply) => {
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
