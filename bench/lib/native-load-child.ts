// The process side of native-load.ts: encodes every body first, then on "run" fires the flows over node:http
// with keep-alive agents and sends back every request's status, times and (when asked) parsed answer.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type {
  FlowResult,
  FromChild,
  LoadOptions,
  MultipartFile,
  RequestResult,
  RequestSpec,
  ToChild,
} from "./native-load.js";

/** A request ready to send except for placeholders still to fill from earlier answers. */
interface Encoded {
  spec: RequestSpec;
  headers: Record<string, string>;
  /** Fixed bytes (multipart, raw, or JSON without placeholders). */
  bytes?: Buffer;
  /** JSON with placeholders, filled at send time. */
  template?: unknown;
}

const PLACEHOLDER = /\{\{(\d+)\.([\w.]+)\}\}/g;
const WHOLE = /^\{\{(\d+)\.([\w.]+)\}\}$/;

function lookup(answers: unknown[], k: string, field: string): unknown {
  let v: unknown = answers[Number(k)];
  for (const key of field.split(".")) v = (v as Record<string, unknown> | null | undefined)?.[key];
  return v;
}

/** Replaces placeholders in every string of a JSON value. */
function fill(value: unknown, answers: unknown[]): unknown {
  if (typeof value === "string") {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(answers, whole[1]!, whole[2]!);
    return value.replace(PLACEHOLDER, (_, k: string, f: string) => String(lookup(answers, k, f)));
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, answers));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, answers)]));
  return value;
}

const hasPlaceholder = (value: unknown): boolean => JSON.stringify(value ?? null).includes("{{");

function fileBytes(f: MultipartFile): Buffer {
  if (f.data) return f.data;
  const head = Buffer.from(f.prefixHex ?? "", "hex");
  return Buffer.concat([head, randomBytes(Math.max(0, (f.randomBytes ?? 0) - head.length))]);
}

function encodeMultipart(m: NonNullable<RequestSpec["multipart"]>): { bytes: Buffer; type: string } {
  const boundary = `----duban-load-${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(m.fields ?? {}))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const f of m.files) {
    const name = encodeURIComponent(f.filename);
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${name}"; filename*=UTF-8''${name}\r\n` +
          `Content-Type: ${f.contentType}\r\n\r\n`,
      ),
      fileBytes(f),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

function encode(spec: RequestSpec): Encoded {
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.multipart) {
    const { bytes, type } = encodeMultipart(spec.multipart);
    headers["content-type"] = type;
    return { spec, headers, bytes };
  }
  if (spec.json !== undefined) {
    headers["content-type"] = "application/json";
    if (hasPlaceholder(spec.json)) return { spec, headers, template: spec.json };
    return { spec, headers, bytes: Buffer.from(JSON.stringify(spec.json)) };
  }
  if (spec.body !== undefined) return { spec, headers, bytes: Buffer.from(spec.body) };
  return { spec, headers };
}

let options: Omit<LoadOptions, "signal">;
let flows: Encoded[][] = [];
let agent: http.Agent;
let aborted = false;
const inFlight = new Set<http.ClientRequest>();

function send(e: Encoded, answers: unknown[], t0: number): Promise<RequestResult> {
  const url = new URL(
    e.spec.path.replace(PLACEHOLDER, (_, k: string, f: string) => String(lookup(answers, k, f))),
    options.base,
  );
  const bytes = e.template !== undefined ? Buffer.from(JSON.stringify(fill(e.template, answers))) : e.bytes;
  const headers = bytes ? { ...e.headers, "content-length": String(bytes.length) } : e.headers;
  const start = performance.now() - t0;
  return new Promise((resolve) => {
    const finish = (status: number, text: string, error?: string) => {
      inFlight.delete(req);
      const ok =
        !error && (e.spec.expect !== undefined ? status === e.spec.expect : status >= 200 && status < 300);
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {}
      const r: RequestResult = { status, ok, start, end: performance.now() - t0 };
      if (!ok) r.error = error ?? `${status} ${text.slice(0, 200)}`;
      // Later requests of the flow read earlier answers; runFlow drops the body unless keepBody.
      resolve({ ...r, body });
    };
    const req = http.request(url, { method: e.spec.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
      res.on("error", (err) => finish(0, "", `network ${err.message}`));
    });
    inFlight.add(req);
    req.setTimeout(options.timeoutMs ?? 120_000, () => req.destroy(new Error("timeout")));
    req.on("error", (err: NodeJS.ErrnoException) => finish(0, "", `network ${err.code ?? err.message}`));
    req.end(bytes);
  });
}

async function runFlow(index: number, t0: number): Promise<FlowResult> {
  const answers: unknown[] = [];
  const requests: RequestResult[] = [];
  for (const e of flows[index]!) {
    if (aborted) break;
    const r = await send(e, answers, t0);
    answers.push(r.body);
    if (!e.spec.keepBody) delete r.body;
    requests.push(r);
    if (!r.ok) break;
  }
  return { flow: index, requests };
}

async function run(): Promise<void> {
  const n = flows.length;
  const all = options.concurrency === undefined || options.concurrency === "all";
  const limit = all ? n : Math.max(1, Number(options.concurrency));
  agent = new http.Agent({ keepAlive: true, maxSockets: all ? Number.POSITIVE_INFINITY : limit });
  const results: FlowResult[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const until = options.durationMs ? t0 + options.durationMs : 0;
  let next = 0;
  const worker = async (first: number) => {
    if (all && options.spreadMs) await new Promise((r) => setTimeout(r, (first / n) * options.spreadMs!));
    let i = first;
    for (;;) {
      results.push(await runFlow(i % n, t0));
      if (aborted) return;
      if (until) {
        if (performance.now() >= until) return;
        i = next++;
      } else {
        if (all || next >= n) return;
        i = next++;
      }
    }
  };
  next = limit;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, (_, i) => worker(i)));
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  results.sort((a, b) => (a.requests[0]?.start ?? 0) - (b.requests[0]?.start ?? 0));
  // A loop, not Math.max(...array): a 30-minute soak sends more requests than arguments fit on the stack.
  let wallMs = 0;
  for (const f of results) for (const r of f.requests) if (r.end > wallMs) wallMs = r.end;
  const msg: FromChild = {
    type: "done",
    result: { flows: results, wallMs, clientCpuMs: (cpu.user + cpu.system) / 1000 },
  };
  process.send!(msg);
}

process.on("message", (m: ToChild) => {
  try {
    if (m.type === "prepare") {
      options = m.options;
      flows = m.options.flows.map((f) => f.map(encode));
      process.send!({ type: "ready" } satisfies FromChild);
    } else if (m.type === "run") {
      run().catch((err: Error) =>
        process.send!({ type: "error", message: String(err.stack) } satisfies FromChild),
      );
    } else if (m.type === "abort") {
      aborted = true;
      for (const req of inFlight) req.destroy(new Error("aborted"));
    }
  } catch (err) {
    process.send!({ type: "error", message: String((err as Error).stack) } satisfies FromChild);
  }
});
process.on("disconnect", () => process.exit(0));
