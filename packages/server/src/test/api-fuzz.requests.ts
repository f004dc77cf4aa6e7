import {
  type GenOptions,
  hostile,
  hostileBodies,
  type JsonSchema,
  type Rng,
  valueFor,
} from "./api-fuzz.generate.js";
import { multipartBody, png } from "./upload.js";

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  /** Path with `{name}` parameters, as the document has it. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}

/** A request the fuzzer sends. */
export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

/** Routes taking a multipart file: the document describes no body for them. */
const uploadPaths = new Set([
  "/api/files",
  "/api/plan-imports/upload",
  "/api/units/import",
  "/api/users/import",
]);

/** Path segments that are not ids, or are ids of nothing. */
const hostileSegments = [
  "not-a-uuid",
  "%00",
  "%ED%A0%80",
  "%FF%FE",
  "..%2F..%2Fetc",
  "x".repeat(300),
  "0",
  "-1",
  "1e309",
  "NaN",
  "00000000-0000-0000-0000-000000000000",
  "5e5cad0c-547c-4551-b34f-44e3c8d475fz",
] as const;

/** The operations of an OpenAPI document. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = (op.parameters ?? []) as { in: string; name: string; schema: JsonSchema }[];
      const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: params.filter((p) => p.in === "query").map((p) => ({ name: p.name, schema: p.schema })),
        body: body?.["application/json"]?.schema ?? null,
      };
    }),
  );
}

/** Percent-encodes a value; a lone surrogate, which `encodeURIComponent` cannot encode, goes as raw bytes. */
function encode(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

/** A path parameter: the record it names mostly, any other id or a hostile segment sometimes. */
function segment(name: string, o: GenOptions, hostileRate: number, own?: string[]): string {
  if (o.rng.chance(hostileRate)) return o.rng.pick(hostileSegments);
  if (name === "index") return String(o.rng.pick([0, 1, 2, -1, 99, 2 ** 31]));
  return own?.length && o.rng.chance(0.8) ? o.rng.pick(own) : o.rng.pick(o.ids);
}

/** The query string: each parameter sometimes, mostly valid, sometimes hostile. */
function queryOf(op: Operation, o: GenOptions): string {
  const parts: string[] = [];
  for (const q of op.query) {
    if (o.rng.chance(0.5)) continue;
    const value = o.rng.chance(o.hostility) ? hostile(o.rng) : valueFor(q.schema, o, 1);
    parts.push(`${q.name}=${encode(value)}`);
  }
  if (o.rng.chance(o.hostility / 3))
    parts.push(`${o.rng.pick(["page", "pageSize", "x"])}=${o.rng.pick(["%00", "-1", "1e309", "%ED%A0%80"])}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** A multipart body: a real small file, or one broken in the ways browsers and attackers break them. */
function uploadOf(rng: Rng): { payload: Buffer; headers: Record<string, string> } {
  const { body, contentType } = multipartBody({
    name: rng.pick(["a.png", "a.xlsx", "\u0000.png", "长".repeat(300)]),
    type: "image/png",
    content: png,
  });
  const boundary = contentType.split("boundary=")[1]!;
  switch (rng.int(6)) {
    case 0:
      return { payload: body, headers: { "content-type": contentType } };
    case 1: // cut off before the closing boundary
      return { payload: body.subarray(0, body.length - 20), headers: { "content-type": contentType } };
    case 2: // a boundary the body does not use
      return { payload: body, headers: { "content-type": "multipart/form-data; boundary=other" } };
    case 3: // no boundary at all
      return { payload: body, headers: { "content-type": "multipart/form-data" } };
    case 4: // a field but no file
      return {
        payload: Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\nv\r\n--${boundary}--\r\n`,
        ),
        headers: { "content-type": contentType },
      };
    default: // nothing
      return { payload: Buffer.alloc(0), headers: { "content-type": contentType } };
  }
}

/** Every path to a value inside a body, so exactly one of them can be made hostile. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

/** A valid body with exactly one value made hostile: the others still validate, so that one reaches the code. */
function mutateOne(body: unknown, rng: Rng): unknown {
  const paths = pathsOf(body);
  if (paths.length === 0) return hostile(rng);
  const path = rng.pick(paths);
  let node = body as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = hostile(rng);
  return body;
}

/**
 * One request for an operation: valid-looking, valid but for one value, or hostile all over. `records` holds
 * the ids each path parameter should name, so most requests reach a real record.
 */
export function requestFor(
  op: Operation,
  opts: GenOptions,
  records: Record<string, string[]> = {},
): FuzzRequest {
  // Half the hostile requests change one value of a valid request, as a per-field attack does.
  const single = opts.hostility > 0 && opts.rng.chance(0.5);
  const o = single ? { ...opts, hostility: 0 } : opts;
  const hostilePath = o.hostility > 0 ? 0.15 : 0;
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    segment(name, o, hostilePath, records[name]),
  );
  const url = path + queryOf(op, o);
  if (uploadPaths.has(op.path) && op.method === "POST") return { method: op.method, url, ...uploadOf(o.rng) };
  if (op.method === "GET") return { method: op.method, url, headers: {} };
  const headers = { "content-type": "application/json" };
  if (o.hostility > 0 && o.rng.chance(0.15)) {
    // The wrong media type now and then.
    if (o.rng.chance(0.3))
      return { method: op.method, url, payload: "a=1", headers: { "content-type": "text/plain" } };
    return { method: op.method, url, payload: o.rng.pick(hostileBodies), headers };
  }
  const generated = op.body ? valueFor(op.body, o) : o.rng.chance(0.5) ? {} : undefined;
  const body = single && op.body ? mutateOne(generated, o.rng) : generated;
  if (body === undefined) return { method: op.method, url, headers: {} };
  let text = JSON.stringify(body);
  // JSON.stringify escapes lone surrogates; put one back raw so the parser sees a broken character too.
  if (o.hostility > 0 && o.rng.chance(0.05)) text = text.replace(/"([^"]*)"/, `"$1\ud800"`);
  return { method: op.method, url, payload: text, headers };
}
