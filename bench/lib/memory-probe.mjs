// Preloaded into the server by bench:soak (`--import`, with --expose-gc); worker threads inherit it, so every
// thread reports its own heap. Each writes its figures to a file of its own in BENCH_MEMORY_PROBE_DIR every 250 ms:
// `live` is the heap after a full collection every BENCH_SOAK_SAMPLE_MS (under load); when the bench writes a
// number greater than the thread's `idleSeq` to the dir's `idle` file (between two load segments, no request in
// flight), the thread collects at once and reports that heap as `idle`, with the number as its `idleSeq`.
// A file, not a signal: worker threads cannot listen to signals.
import fs from "node:fs";
import path from "node:path";
import { isMainThread, threadId } from "node:worker_threads";

const dir = process.env.BENCH_MEMORY_PROBE_DIR;
if (dir) {
  const out = path.join(dir, isMainThread ? "main.json" : `worker-${threadId}.json`);
  const sampleMs = Number(process.env.BENCH_SOAK_SAMPLE_MS ?? 5000);
  let live = 0;
  let idle = 0;
  let idleSeq = 0;
  const collected = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const write = () => {
    const m = process.memoryUsage();
    const figures = { rss: m.rss, heapUsed: m.heapUsed, live, idle, idleSeq, at: Date.now() };
    // Written aside and renamed: the bench never reads half a file.
    fs.writeFileSync(`${out}.tmp`, JSON.stringify(figures));
    fs.renameSync(`${out}.tmp`, out);
  };
  setInterval(() => {
    live = collected();
    write();
  }, sampleMs).unref();
  setInterval(() => {
    let wanted = 0;
    try {
      wanted = Number(fs.readFileSync(path.join(dir, "idle"), "utf8"));
    } catch {}
    if (wanted > idleSeq) {
      idle = collected();
      idleSeq = wanted;
    }
    write();
  }, 250).unref();
}
