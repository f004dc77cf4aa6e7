import { type Role, roles } from "@duban/domain";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { type RecordIds, type RouteAccess, recordKinds } from "./access.js";
import { buildUser, TEST_PASSWORD } from "./factories.js";
import type { MatrixTenant } from "./refusal-matrix.fixture.js";
import { signIn, type TestSession } from "./session.js";
import type { TestApp } from "./test-app.js";
import { buildXlsx, multipartBody, multipartForm, png } from "./upload.js";

/** One cell of the matrix: who calls, with which records, and what it must answer. */
export interface Cell {
  label: string;
  role: Role | null;
  ids: RecordIds;
  expected: number;
}

/** A cell whose answer was not the expected one. */
export interface Miss {
  cell: string;
  expected: number;
  actual: number;
  body: string;
}

/** The route's path parameters that name a record (not literals). */
function recordParams(entry: RouteAccess): string[] {
  return Object.values(entry.params ?? {}).filter((v) => !v.startsWith("="));
}

/** The cells of one route, in the order they run: refusals before the calls that may change state. */
export function cellsOf(entry: RouteAccess, own: MatrixTenant, foreign: MatrixTenant): Cell[] {
  const cells: Cell[] = [{ label: "anonymous", role: null, ids: own.ids, expected: entry.anonymous ?? 401 }];
  if (recordParams(entry).length > 0 || entry.scoped) {
    for (const role of roles) {
      cells.push({
        label: `${role} × another tenant`,
        role,
        ids: foreign.ids,
        expected: entry.foreign?.[role] ?? 404,
      });
    }
  }
  for (const role of roles) {
    const expected = entry.otherUnit?.[role];
    if (expected === undefined) continue;
    cells.push({ label: `${role} × another unit`, role, ids: { ...own.ids, ...own.otherIds }, expected });
  }
  for (const role of roles) cells.push({ label: role, role, ids: own.ids, expected: entry.roles[role] });
  return cells;
}

/** The URL of a cell: path parameters and query filled from its records. */
export function urlOf(entry: RouteAccess, ids: RecordIds): string {
  const [, path] = entry.route.split(" ") as [string, string];
  const filled = path.replace(/:(\w+)/g, (_, name: string) => {
    const source = entry.params?.[name];
    if (!source) throw new Error(`${entry.route}: no value for :${name}`);
    if (source.startsWith("=")) return source.slice(1);
    if (!(recordKinds as readonly string[]).includes(source)) throw new Error(`unknown record ${source}`);
    return ids[source as keyof RecordIds];
  });
  const query = entry.query ? new URLSearchParams(entry.query(ids)).toString() : "";
  return query ? `${filled}?${query}` : filled;
}

/** The payload and headers of a cell's request. */
async function payloadOf(
  entry: RouteAccess,
  ids: RecordIds,
): Promise<{ payload: InjectOptions["payload"] | undefined; headers: Record<string, string> }> {
  if (entry.upload) {
    const file =
      entry.upload === "png"
        ? { name: "照片.png", type: "image/png", content: png }
        : { name: "导入.xlsx", content: await buildXlsx("Sheet1", ["名称"], [["矩阵"]]) };
    const { body, contentType } = multipartBody(file);
    return { payload: body, headers: { "content-type": contentType } };
  }
  if (entry.form) {
    const photo = { name: "照片.png", type: "image/png", content: png };
    const { body, contentType } = multipartForm(entry.form(ids), [photo]);
    return { payload: body, headers: { "content-type": contentType } };
  }
  if (entry.body) return { payload: entry.body(ids) as InjectOptions["payload"], headers: {} };
  return { payload: undefined, headers: {} };
}

/** A freshly created and signed-in user of a role, for calls that end their own session. */
async function freshSession(t: TestApp, tenant: MatrixTenant, role: Role): Promise<TestSession> {
  const user = await buildUser(t.database.db as never, {
    tenantId: tenant.tenantId,
    role,
    unitId: tenant.unitIdOf[role],
  });
  return signIn(t.app, user.login, TEST_PASSWORD);
}

/** Sends one cell's request. */
export async function sendCell(
  t: TestApp,
  entry: RouteAccess,
  cell: Cell,
  own: MatrixTenant,
): Promise<LightMyRequestResponse> {
  const method = entry.route.split(" ")[0] as InjectOptions["method"];
  const url = urlOf(entry, cell.ids);
  const { payload, headers } = await payloadOf(entry, cell.ids);
  if (!cell.role)
    return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const session = entry.ownSession ? await freshSession(t, own, cell.role) : own.sessions[cell.role];
  return session.request(method, url, payload, headers);
}

/** Runs every cell of a route and returns the ones that answered otherwise. */
export async function runRoute(
  t: TestApp,
  entry: RouteAccess,
  own: MatrixTenant,
  foreign: MatrixTenant,
): Promise<Miss[]> {
  const misses: Miss[] = [];
  for (const cell of cellsOf(entry, own, foreign)) {
    const res = await sendCell(t, entry, cell, own);
    if (res.statusCode !== cell.expected)
      misses.push({
        cell: cell.label,
        expected: cell.expected,
        actual: res.statusCode,
        body: res.body.slice(0, 200),
      });
  }
  return misses;
}
