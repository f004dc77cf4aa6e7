// Two `duban serve` processes on two ports over one PostgreSQL and its file store, as behind a load balancer: what
// one commits, the other serves (the evidence bytes included), and when one is killed mid-surge the other serves on
// with every committed upload whole.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../test/plan-fixtures.js";
import { type PostgresProcess, postgresSkipReason, startPostgres } from "../test/postgres-process.js";
import { freePort, type ServerProcess, startServerProcess } from "../test/server-process.js";
import type { TestSession } from "../test/session.js";
import { TEST_NOW, type TestApp, TestClock, testConfig } from "../test/test-app.js";
import { png } from "../test/upload.js";

const skipReason = postgresSkipReason();
if (skipReason) console.warn(`two-server tests skipped: ${skipReason}`);

let pg: PostgresProcess;
let setup: TestApp;
const servers: ServerProcess[] = [];
const dirs: string[] = [];

/** `duban serve` on the shared database with the PostgreSQL file store and a DATA_DIR of its own. */
async function serve(): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-two-"));
  dirs.push(dataDir);
  const server = await startServerProcess({
    dataDir,
    databaseUrl: pg.url("duban"),
    port: await freePort(),
    env: {
      FILE_STORE: "postgres",
      // The fixtures' sessions and cycle live on the test clock's day.
      DUBAN_FAKE_NOW: TEST_NOW.toISOString(),
      DUBAN_ALLOW_FAKE_NOW: "1",
      UPLOAD_RATE_LIMIT: "1000",
    },
  });
  servers.push(server);
  return server;
}

/** A request of a fixture's session sent over HTTP to a server. */
function call(server: ServerProcess, session: TestSession, method: string, url: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: session.cookie, "x-csrf-token": session.csrfToken };
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  return fetch(`${server.base}${url}`, { method, headers, ...(payload ? { body: payload } : {}) });
}

/** Uploads bytes as evidence; the file id, or null when the server did not answer 201. */
async function upload(server: ServerProcess, session: TestSession, bytes: Buffer): Promise<string | null> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "image/png" }), "现场.png");
  const res = await call(server, session, "POST", "/api/files", form).catch(() => null);
  if (res?.status !== 201) return null;
  return ((await res.json()) as { id: string }).id;
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  if (skipReason) return;
  pg = await startPostgres();
  const database = await openDatabase({ url: pg.url("duban"), poolSize: 4 });
  await migrateDatabase(database);
  // The bureau, plan, assignment and cycle are made in process; the servers then serve them.
  const config = testConfig();
  const app = await buildApp({ database, config, clock: new TestClock(), webRoot: null });
  await app.ready();
  setup = { app, database, config, clock: new TestClock(), close: async () => undefined };
}, 60_000);

afterAll(async () => {
  for (const s of servers)
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.exited));
  await setup?.app.close();
  await setup?.database.close();
  await pg?.destroy();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}, 30_000);

describe.skipIf(skipReason)("two app servers over one PostgreSQL and one file store", () => {
  it("serves through one what was submitted through the other, and serves on when the other is killed mid-surge", async () => {
    const p = await buildPublishedPlan(setup);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const [a, b] = await Promise.all([serve(), serve()]);

    // Submitted through A, with a photo of 700 KB (three chunks in the store).
    const photo = Buffer.concat([png, randomBytes(700_000)]);
    const fileId = await upload(a, p.kg1, photo);
    expect(fileId).not.toBeNull();
    const submitted = await call(a, p.kg1, "POST", `/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 60,
      doneText: "新增学位120个",
      values: [{ indicatorId, value: 60 }],
      fileIds: [fileId],
      submit: true,
    });
    expect(submitted.status).toBe(201);
    const reportId = ((await submitted.json()) as { id: string }).id;

    // Read through B: the report, its file, and the file's bytes.
    const read = await call(b, p.lead, "GET", `/api/reports/${reportId}`);
    expect(read.status).toBe(200);
    const report = (await read.json()) as { progress: number; files: { id: string }[] };
    expect(report.progress).toBe(60);
    expect(report.files.map((f) => f.id)).toEqual([fileId]);
    const bytes = Buffer.from(await (await call(b, p.lead, "GET", `/api/files/${fileId}`)).arrayBuffer());
    expect(sha(bytes)).toBe(sha(photo));

    // A surge of uploads to A; A is killed while they are in flight.
    const surge = Array.from({ length: 24 }, () => Buffer.concat([png, randomBytes(300_000)]));
    const answers = surge.map((content) => upload(a, p.kg1, content));
    // Killed as soon as the first upload is confirmed, with the rest still in flight.
    await Promise.race(answers);
    a.child.kill("SIGKILL");
    const ids = await Promise.all(answers);
    expect(await a.exited).toBe("SIGKILL");
    expect(ids.some((id) => id !== null) && ids.some((id) => id === null)).toBe(true);

    // B serves on: the committed report, every upload A confirmed, byte for byte, and new uploads.
    expect((await call(b, p.lead, "GET", `/api/reports/${reportId}`)).status).toBe(200);
    for (const [i, id] of ids.entries()) {
      if (!id) continue;
      const res = await call(b, p.kg1, "GET", `/api/files/${id}`);
      expect(res.status).toBe(200);
      expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(surge[i]!));
    }
    const after = Buffer.concat([png, randomBytes(1000)]);
    const afterId = await upload(b, p.kg1, after);
    expect(afterId).not.toBeNull();
    const back = await call(b, p.kg1, "GET", `/api/files/${afterId}`);
    expect(sha(Buffer.from(await back.arrayBuffer()))).toBe(sha(after));
    // Every file row any server committed has its whole bytes in the store, none half-written.
    const rows = (await setup.database.db.execute(
      sql`select f.sha256, f.size, b.size as stored from files f
        left join file_blobs b on b.sha256 = f.sha256 where f.tenant_id = ${p.tenant.id}`,
    )) as unknown as { rows: { sha256: string; size: number; stored: string | null }[] };
    for (const r of rows.rows) expect(Number(r.stored), r.sha256).toBe(r.size);
  }, 90_000);
});
