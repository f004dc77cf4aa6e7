// Forty people open the same 19 MB evidence file at once, over real HTTP against the real server in a child
// process. Prints one JSON object: the server's peak RSS growth during the downloads beside a floor (the same
// forty requests for a tiny file) and what forty whole-file copies would cost. Run with `npm run bench:downloads`;
// set BENCH_DATABASE_URL to run on PostgreSQL instead of PGlite.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { buildServer, prepareDatabase, startServer } from "./lib/server.js";

const CONCURRENT = Number(process.env.BENCH_DOWNLOADS ?? 40);
const FILE_BYTES = 19 * 1024 * 1024;
const MB = 1024 * 1024;
const log = (msg: string) => process.stderr.write(`[bench:downloads] ${msg}\n`);

/** Resident memory of a process in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Signs the demo supervisor in; returns the headers a session sends. */
async function signIn(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "ducha", password: "Duban@2023" }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("duban_session="))!
    .split(";")[0]!;
  return { cookie, "x-csrf-token": ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Uploads a PNG-headed file of `bytes` bytes and returns its id. */
async function upload(base: string, session: Record<string, string>, bytes: number): Promise<string> {
  const head = Buffer.from("89504e470d0a1a0a", "hex");
  const form = new FormData();
  form.append("file", new Blob([head, randomBytes(bytes - head.length)], { type: "image/png" }), "证据.png");
  const res = await fetch(`${base}/api/files`, { method: "POST", headers: session, body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Downloads a file `CONCURRENT` times at once, discarding the bytes; returns the server's peak RSS growth. */
async function concurrentDownloads(base: string, pid: number, session: Record<string, string>, id: string) {
  // Let the server settle after the previous step before taking the starting figure.
  await new Promise((r) => setTimeout(r, 1000));
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 10);
  const t0 = performance.now();
  const sizes = await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      const res = await fetch(`${base}/api/files/${id}`, { headers: session });
      let size = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) size += chunk.byteLength;
      return size;
    }),
  );
  clearInterval(sampler);
  peak = Math.max(peak, rssOf(pid));
  return { before, growth: peak - before, wallS: (performance.now() - t0) / 1000, sizes };
}

async function main() {
  const build = buildServer();
  if (build.message) log(build.message);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const database = await prepareDatabase(process.env.BENCH_DATABASE_URL, runId);
  const server = await startServer({ databaseUrl: database.url, signal: new AbortController().signal });
  try {
    const session = await signIn(server.base);
    const tiny = await upload(server.base, session, 1024);
    const big = await upload(server.base, session, FILE_BYTES);
    const floor = await concurrentDownloads(server.base, server.pid, session, tiny);
    const run = await concurrentDownloads(server.base, server.pid, session, big);
    if (run.sizes.some((s) => s !== FILE_BYTES)) throw new Error(`short download: ${run.sizes.join(",")}`);
    const figures = {
      database: database.kind,
      concurrent: CONCURRENT,
      fileMB: FILE_BYTES / MB,
      serverRssBeforeMB: Math.round(run.before / MB),
      peakRssGrowthMB: Math.round(run.growth / MB),
      floorRssGrowthMB: Math.round(floor.growth / MB),
      wholeFileCopiesMB: Math.round((CONCURRENT * FILE_BYTES) / MB),
      wallS: Number(run.wallS.toFixed(2)),
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
