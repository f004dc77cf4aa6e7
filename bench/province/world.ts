// Sets up one world of bench:province: a fresh database, the server on it, the seed plan published through the
// API as the template, the province built around it, and the sessions and ids the measured steps use.
import pg from "pg";
import { Client, expectStatus, type HttpContext, sessionHeaders } from "../lib/http.js";
import { publishSeedPlan } from "../lib/seed-plan.js";
import { type BenchDatabase, prepareDatabase, type RunningServer, startServer } from "../lib/server.js";
import { type BuildFigures, buildProvince, createBenchUsers, type ProvinceSize } from "./build.js";
import { openWorld, type Read, type Submission, type World } from "./measure.js";

/** A world with what is measured on it. */
export interface Setup {
  world: World;
  size: ProvinceSize;
  build: BuildFigures;
  /** The measured reads by name. */
  reads: Record<string, Read>;
  /** The submissions still to make, in order; the last is kept for the explained call. */
  submissions: Submission[];
  ids: { countyTenant: string; countyPlan: string; cityPlan: string; provincePlan: string };
}

async function one<T>(c: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  const r = await c.query(sql, params);
  if (!r.rows[0]) throw new Error(`no row: ${sql}`);
  return r.rows[0] as T;
}

/** Builds one world: `label` names its database (duban_prov_<run>_<label>). */
export async function setUpWorld(options: {
  label: string;
  adminUrl: string;
  runId: string;
  size: ProvinceSize;
  signal: AbortSignal;
  log: (msg: string) => void;
}): Promise<Setup> {
  const { label, adminUrl } = options;
  const database = await prepareDatabase(adminUrl, `${options.runId}_${label}`, "duban_prov_");
  let server: RunningServer | undefined;
  try {
    server = await startServer({ databaseUrl: database.url, signal: options.signal });
    return await populate({ ...options, database, server });
  } catch (err) {
    await server?.stop().catch(() => {});
    await database.drop().catch(() => {});
    throw err;
  }
}

async function populate(options: {
  label: string;
  adminUrl: string;
  size: ProvinceSize;
  signal: AbortSignal;
  log: (msg: string) => void;
  database: BenchDatabase;
  server: RunningServer;
}): Promise<Setup> {
  const { label, adminUrl, size, log, database, server } = options;
  const http: HttpContext = {
    base: server.base,
    signal: options.signal,
    maxRequests: 100,
    sent: 0,
    requestTimeoutMs: 120_000,
  };
  const supervisor = new Client(http);
  expectStatus(await supervisor.login("ducha", "Duban@2023"), 200, "login ducha");
  const template = await publishSeedPlan(supervisor);
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  let build: BuildFigures;
  const ids = { countyTenant: "", countyPlan: "", cityPlan: "", provincePlan: "" };
  const tenants = { cities: [] as string[], countiesOfCity: [] as string[] };
  try {
    build = await buildProvince(c, size, template, (m) => log(`${label} ${m}`));
    await createBenchUsers(c, size);
    const planOf = (code: string) =>
      one<{ t: string; p: string }>(
        c,
        "select t.id t, p.id p from tenants t join plans p on p.tenant_id = t.id where t.code = $1",
        [code],
      );
    const county = await planOf("county001");
    const city = await planOf("city001");
    const province = await planOf("province000");
    Object.assign(ids, {
      countyTenant: county.t,
      countyPlan: county.p,
      cityPlan: city.p,
      provincePlan: province.p,
    });
    tenants.countiesOfCity = (
      await c.query("select id from tenants where parent_id = $1", [city.t])
    ).rows.map((r: { id: string }) => r.id);
    tenants.cities = (await c.query("select id from tenants where parent_id = $1", [province.t])).rows.map(
      (r: { id: string }) => r.id,
    );
  } finally {
    await c.end();
  }
  const [sCounty, sCity, sProvince] = await Promise.all(
    ["sup-county001", "sup-city001", "sup-province000"].map((l) => sessionHeaders(server.base, l)),
  );
  const reads: Record<string, Read> = {
    countyPlan: { path: `/api/plans/${ids.countyPlan}`, headers: sCounty!, tenants: [ids.countyTenant] },
    countyCockpit: {
      path: `/api/plans/${ids.countyPlan}/cockpit`,
      headers: sCounty!,
      tenants: [ids.countyTenant],
    },
    cityRollup: {
      path: `/api/hand-downs?planId=${ids.cityPlan}&page=1&pageSize=20`,
      headers: sCity!,
      tenants: tenants.countiesOfCity,
    },
    provinceRollup: {
      path: `/api/hand-downs?planId=${ids.provincePlan}&page=1&pageSize=20`,
      headers: sProvince!,
      tenants: tenants.cities,
    },
  };
  const world = await openWorld(label, adminUrl, database, server);
  const open = await world.sql.query(
    `select a.id, u.sort_order - 99 n, cy.id cycle_id from assignments a join units u on u.id = a.unit_id
     join report_cycles cy on cy.plan_id = a.plan_id and cy.status = 'open'
     where a.tenant_id = $1 and a.plan_id = $2 and u.sort_order - 100 < $3 order by a.id`,
    [ids.countyTenant, ids.countyPlan, size.submitters],
  );
  const sessions = new Map<number, Record<string, string>>();
  for (const n of new Set(open.rows.map((r: { n: number }) => r.n)))
    sessions.set(n, await sessionHeaders(server.base, `sch-county001-${n}`));
  const submissions: Submission[] = open.rows.map((r: { id: string; n: number; cycle_id: string }) => ({
    assignmentId: r.id,
    cycleId: r.cycle_id,
    headers: sessions.get(r.n)!,
  }));
  return { world, size, build: build!, reads, submissions, ids };
}
