import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PlanDetail } from "@duban/domain";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { Db } from "../db/client.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { unitKeywords } from "../db/schema.js";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "../test/factories.js";
import { createFreshDatabase, type FreshDatabase } from "../test/fresh-database.js";
import { flattenTree, seedPlanText } from "../test/plan-fixtures.js";
import {
  freePort,
  type HttpSession,
  type ServerProcess,
  signInHttp,
  startServerProcess,
} from "../test/server-process.js";
import { signIn } from "../test/session.js";
import { TestClock, testConfig } from "../test/test-app.js";

const SCHOOLS = 40;
/** The server is killed once this many submits were answered: the rest of the burst is still in flight. */
const KILL_AFTER = 12;

/** A tiny but real PNG with a school's own trailing bytes, so every upload is a new stored file. */
function photo(i: number): Buffer {
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );
  return Buffer.concat([png, Buffer.from(`school-${i}`)]);
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/** A one-section, one-task plan in the shape of the 2023 reference document; 学前 makes 学前教育科 lead. */
function smallPlanText(): string {
  const lines = seedPlanText.split("\n");
  const task = lines.find((l) => /^\s*9\./.test(l))!.replace(/^\s*9\./, "1.");
  return ["瓦房店市教育局压力测试计划", lines[1]!, "一、努力办好人民更加满意的教育", task, ""].join("\n");
}

/**
 * Builds the scenario in process on the database the server will use, then closes it: a published one-task
 * plan assigned to 40 schools, an open cycle, one reporter per school and the lead department's user.
 */
async function seed(databaseUrl: string | undefined, dataDir: string) {
  const database = await openDatabase({ url: databaseUrl, dataDir, poolSize: 4 });
  try {
    await migrateDatabase(database);
    const app = await buildApp({
      database,
      config: testConfig({ dataDir }),
      clock: new TestClock(),
      webRoot: null,
    });
    await app.ready();
    const db = database.db as Db;
    const tenant = await buildTenant(db);
    const preschool = await buildUnit(db, tenant.id, { kind: "department", name: "学前教育科" });
    const [supervisor, lead] = await Promise.all([
      buildUser(db, { tenantId: tenant.id, role: "supervisor" }),
      buildUser(db, { tenantId: tenant.id, role: "department", unitId: preschool.id }),
    ]);
    await db.insert(unitKeywords).values({ tenantId: tenant.id, keyword: "学前", unitId: preschool.id });
    const schools = await Promise.all(
      Array.from({ length: SCHOOLS }, async (_, i) => {
        const unit = await buildUnit(db, tenant.id, {
          name: `压力幼儿园${i + 1}`,
          schoolType: "kindergarten",
        });
        const user = await buildUser(db, { tenantId: tenant.id, role: "school", unitId: unit.id });
        return { unitId: unit.id, login: user.login };
      }),
    );
    const sup = await signIn(app, supervisor.login, TEST_PASSWORD);
    const draft = (await sup.post("/api/plan-imports", { text: smallPlanText() })).json();
    const published = await sup.post(`/api/plan-imports/${draft.id}/publish`, {
      version: draft.version,
      allowDuplicate: true,
    });
    if (published.statusCode !== 201) throw new Error(published.body);
    const planId = published.json().planId as string;
    const plan = (await sup.get(`/api/plans/${planId}`)).json() as PlanDetail;
    const task = flattenTree(plan.nodes).find((n) => n.level === "task")!;
    const leadSession = await signIn(app, lead.login, TEST_PASSWORD);
    const assigned = await leadSession.post(`/api/nodes/${task.id}/assignments`, {
      unitIds: schools.map((s) => s.unitId),
      role: "executor",
    });
    if (assigned.statusCode !== 201) throw new Error(assigned.body);
    const cycle = await sup.post(`/api/plans/${planId}/cycles`, {});
    if (cycle.statusCode !== 201) throw new Error(cycle.body);
    const list = (await leadSession.get(`/api/nodes/${task.id}/assignments?pageSize=200`)).json().items as {
      id: string;
      unit: { id: string };
    }[];
    await app.close();
    return {
      leadLogin: lead.login,
      cycleId: cycle.json().id as string,
      schools: schools.map((s) => ({ ...s, assignmentId: list.find((a) => a.unit.id === s.unitId)!.id })),
    };
  } finally {
    await database.close();
  }
}

type Scenario = Awaited<ReturnType<typeof seed>>;

/** Every school uploads its photo and submits; the server is killed with SIGKILL mid-burst. */
async function burstAndKill(server: ServerProcess, s: Scenario, sessions: HttpSession[]) {
  const acknowledged: { id: string; progress: number }[] = [];
  await Promise.all(
    s.schools.map(async (school, i) => {
      // Arrivals spread over a second, so the kill lands while later schools are mid-request.
      await new Promise((r) => setTimeout(r, i * 25));
      try {
        const form = new FormData();
        form.append("file", new Blob([photo(i)], { type: "image/png" }), `现场照片-${i + 1}.png`);
        const up = await sessions[i]!.request("POST", "/api/files", form);
        if (up.status !== 201) return;
        const progress = 10 + i;
        const rep = await sessions[i]!.request("POST", `/api/assignments/${school.assignmentId}/reports`, {
          cycleId: s.cycleId,
          progress,
          doneText: `第 ${i + 1} 所幼儿园：新增学位。`,
          fileIds: [(up.json as { id: string }).id],
          submit: true,
        });
        if (rep.status >= 200 && rep.status < 300) {
          acknowledged.push({ id: (rep.json as { id: string }).id, progress });
          if (acknowledged.length === KILL_AFTER) server.child.kill("SIGKILL");
        }
      } catch {
        // The connection died with the server: not acknowledged, so not counted.
      }
    }),
  );
  return acknowledged;
}

/** Kills, restarts on the same data, and checks every acknowledged report survived. */
async function run(databaseUrl: string | undefined) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-crash-"));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const scenario = await seed(databaseUrl, dataDir);
  const port = await freePort();
  const first = await startServerProcess({ dataDir, databaseUrl, port });
  cleanups.push(async () => void first.child.kill("SIGKILL"));
  const sessions = await Promise.all(
    scenario.schools.map((school) => signInHttp(first.base, school.login, TEST_PASSWORD)),
  );
  const acknowledged = await burstAndKill(first, scenario, sessions);
  expect(await first.exited).toBe("SIGKILL");
  // Killed mid-burst: some answered, not all.
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(acknowledged.length).toBeLessThan(SCHOOLS);
  const lockFile = path.join(dataDir, "pglite", "duban.pid");
  if (!databaseUrl) expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(first.pid);
  const second = await startServerProcess({ dataDir, databaseUrl, port });
  cleanups.push(async () => void second.child.kill("SIGKILL"));
  // The killed server's stale lock was taken over by the new one.
  if (!databaseUrl) expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(second.pid);
  const lead = await signInHttp(second.base, scenario.leadLogin, TEST_PASSWORD);
  const found = [];
  for (const a of acknowledged) {
    const res = await lead.request("GET", `/api/reports/${a.id}`);
    const body = res.json as { status: string; progress: number; files: unknown[] };
    found.push({
      id: a.id,
      status: res.status,
      state: body.status,
      progress: body.progress,
      files: body.files.length,
    });
  }
  expect(found).toEqual(
    acknowledged.map((a) => ({ id: a.id, status: 200, state: "submitted", progress: a.progress, files: 1 })),
  );
  second.child.kill("SIGTERM");
  expect(await second.exited).toBe("0");
}

/** The test database's engine: each CI pass runs this file on one (PostgreSQL, then PGlite). */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe("kill -9 during a report burst", { timeout: 150_000 }, () => {
  it(
    onPostgres
      ? "loses no acknowledged report on PostgreSQL"
      : "loses no acknowledged report on PGlite, and the restart takes over the stale lock",
    async () => {
      const fresh: FreshDatabase = await createFreshDatabase();
      cleanups.push(() => fresh.drop());
      await run(fresh.url);
    },
  );
});
