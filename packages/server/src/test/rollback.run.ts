import { type Role, roles } from "@duban/domain";
import { sql } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Db } from "../db/client.js";
import { type RecordIds, type RouteAccess, STALE } from "./access.js";
import { buildUser, TEST_PASSWORD } from "./factories.js";
import type { MatrixTenant } from "./refusal-matrix.fixture.js";
import { urlOf } from "./refusal-matrix.run.js";
import { recipes, type SuccessRecipe } from "./rollback.recipes.js";
import { armFault, disarmFault, lastRequestTrace } from "./rollback-faults.js";
import { snapshotTenant, type TenantSnapshot } from "./rollback-snapshot.js";
import { signIn, type TestSession } from "./session.js";
import type { TestApp } from "./test-app.js";
import { multipartBody, multipartForm, png } from "./upload.js";

/** The methods that write. */
const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether a route may change data. */
export function isWriteRoute(entry: RouteAccess): boolean {
  return writeMethods.has(entry.route.split(" ")[0]!);
}

/** The table holding each kind of record that carries a version. */
const versionTables: Partial<Record<keyof RecordIds, string>> = {
  unit: "units",
  group: "unit_groups",
  user: "users",
  planImport: "plan_imports",
  plan: "plans",
  node: "plan_nodes",
  assignment: "assignments",
  cycle: "report_cycles",
  report: "reports",
  notice: "supervision_notices",
  extension: "extension_requests",
  rectification: "rectifications",
  bulletin: "bulletins",
  assessment: "assessments",
  form: "forms",
  formRound: "form_rounds",
  formSubmission: "form_submissions",
  received: "cascade_links",
  handDownNotice: "cascade_notices",
  receivedNotice: "cascade_notices",
};

/** The current version of the record a route's path names, for a body the matrix sends with a stale one. */
async function versionOf(t: TestApp, entry: RouteAccess, ids: RecordIds): Promise<number> {
  const kind = Object.values(entry.params ?? {}).find((v) => !v.startsWith("=")) as keyof RecordIds;
  const table = kind && versionTables[kind];
  if (!table) throw new Error(`${entry.route}: no versioned record in the path; give the recipe a version`);
  const result = (await (t.database.db as Db).execute(
    sql`select version from ${sql.identifier(table)} where id = ${ids[kind]}`,
  )) as unknown as { rows: { version: number }[] };
  return Number(result.rows[0]!.version);
}

/** A request that succeeds, ready to be sent as often as needed. */
export interface SuccessRequest {
  /** Who sends it; null when it is sent without a session. */
  role: Role | null;
  send(): Promise<LightMyRequestResponse>;
}

/**
 * The first role the matrix lets through; else, for a body (or a form's report) sent at a stale version, the first
 * role refused only for that (409): with the record's current version its request goes through.
 */
function successRole(entry: RouteAccess, ids: RecordIds): Role | undefined {
  const ok = roles.find((r) => entry.roles[r] >= 200 && entry.roles[r] < 300);
  if (ok) return ok;
  const body = (entry.body?.(ids) ?? entry.form?.(ids).report) as { version?: unknown } | undefined;
  const stale = body?.version === STALE;
  return stale ? roles.find((r) => entry.roles[r] === 409) : undefined;
}

/**
 * Builds a route's successful request from its access entry (path, body, the role let through), with the
 * recipe's changes: prepared records, a fresh version in place of the stale one, another body or upload.
 */
export async function successRequest(
  t: TestApp,
  entry: RouteAccess,
  tenant: MatrixTenant,
  recipe: SuccessRecipe = recipes[entry.route] ?? {},
): Promise<SuccessRequest | null> {
  const prepared = (await recipe.prepare?.({ t, tenant })) ?? {};
  const ids: RecordIds = { ...tenant.ids, ...prepared.ids };
  const role = recipe.role ?? successRole(entry, ids);
  if (!role && !recipe.anonymous) return null;
  let payload = (prepared.body ?? entry.body?.(ids)) as Record<string, unknown> | undefined;
  if (payload?.version === STALE)
    payload = { ...payload, version: prepared.version ?? (await versionOf(t, entry, ids)) };
  let form = entry.form?.(ids);
  const report = form?.report as Record<string, unknown> | undefined;
  if (form && report?.version === STALE)
    form = { ...form, report: { ...report, version: prepared.version ?? (await versionOf(t, entry, ids)) } };
  const method = entry.route.split(" ")[0] as InjectOptions["method"];
  const url = urlOf(entry, ids);
  // Made once: every replay sends the same bytes, as a retried upload would.
  const file = recipe.upload ? await recipe.upload() : entry.upload === "png" ? pngFile : undefined;
  const session = recipe.anonymous
    ? null
    : entry.ownSession
      ? await freshSession(t, tenant, role!)
      : tenant.sessions[role!];
  const send = (body: InjectOptions["payload"] | undefined, headers: Record<string, string> = {}) =>
    session
      ? session.request(method, url, body, headers)
      : t.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
  return {
    role: recipe.anonymous ? null : role!,
    send: async () => {
      if (form) {
        const { body, contentType } = multipartForm(form, [file ?? pngFile]);
        return send(body, { "content-type": contentType });
      }
      if (!file) return send(payload as InjectOptions["payload"] | undefined);
      const { body, contentType } = multipartBody(file);
      return send(body, { "content-type": contentType });
    },
  };
}

const pngFile = { name: "照片.png", type: "image/png", content: png };

/** A freshly created and signed-in user of a role, for calls that end or change their own session. */
async function freshSession(t: TestApp, tenant: MatrixTenant, role: Role): Promise<TestSession> {
  const user = await buildUser(t.database.db as Db, {
    tenantId: tenant.tenantId,
    role,
    unitId: tenant.unitIdOf[role],
  });
  return signIn(t.app, user.login, TEST_PASSWORD);
}

/** One failed replay: which writing statement failed, what the app answered and what it left behind. */
export interface FailedReplay {
  nth: number;
  statement: string;
  status: number;
  code: string | undefined;
  /** The tables (and `files on disk`) that differ from before the replay. */
  changed: string[];
  /** Their row counts before and after, for the reader of a failure. */
  counts: string[];
}

/** What replaying a route with each of its writing statements failing in turn found. */
export interface RollbackRun {
  /** Writing statements of the successful request. */
  writes: number;
  /** The answer to the final, unhindered request. */
  success: { status: number; body: string };
  replays: FailedReplay[];
}

/** The tables whose rows differ between two snapshots. */
function changedTables(before: TenantSnapshot, after: TenantSnapshot): string[] {
  const labels = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return labels.filter((l) => JSON.stringify(before[l]) !== JSON.stringify(after[l]));
}

/**
 * Replays the request with its 1st, 2nd, … writing statement made to fail, checking each time that the tenant
 * is as before, until a replay runs out of statements to fail: that one is the unhindered success.
 */
export async function replayWithFaults(
  t: TestApp,
  tenantId: string,
  request: SuccessRequest,
): Promise<RollbackRun> {
  let before = await snapshotTenant(t, tenantId);
  const replays: FailedReplay[] = [];
  for (let nth = 1; nth <= MAX_WRITES; nth++) {
    armFault({ nth, count: "writes" });
    const res = await request.send();
    disarmFault();
    const trace = lastRequestTrace();
    if (!trace.failed)
      return { writes: trace.writes, success: { status: res.statusCode, body: res.body }, replays };
    const after = await snapshotTenant(t, tenantId);
    const changed = changedTables(before, after);
    replays.push({
      nth,
      // Enough to tell the statement: its verb and table, and the start of its columns.
      statement: trace.failed.slice(0, 80),
      status: res.statusCode,
      code: errorCode(res.body),
      // Against the state the replay started from, so each partial write is told by the replay that left it.
      changed,
      counts: changed.map((l) => `${l}: ${before[l]?.rows ?? 0} → ${after[l]?.rows ?? 0} rows`),
    });
    before = after;
  }
  throw new Error(`more than ${MAX_WRITES} writing statements: the replays would take too long`);
}

/** A bound on the replays of one route, so a request whose statements never run out cannot loop for ever. */
const MAX_WRITES = 400;

/** The envelope's error code, if the answer is one. */
function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
