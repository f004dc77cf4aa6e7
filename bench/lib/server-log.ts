// Server-side response times from Fastify's request log, so client latency can be split into
// "time the server spent on the request" and "time the request waited before the server started on it".
import fs from "node:fs";
import { percentile } from "./stats.js";

/** Server-side time of one route, in ms. */
export interface ServerTimes {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Groups logged response times by route pattern (`POST /api/reports/:id/review`). */
export function serverTimes(logFile: string, routes: Record<string, RegExp>): Record<string, ServerTimes> {
  const urls = new Map<string, string>();
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(routes).map((k) => [k, []]));
  for (const line of fs.readFileSync(logFile, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry: { reqId?: string; req?: { method: string; url: string }; responseTime?: number };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (!entry.reqId) continue;
    if (entry.req) urls.set(entry.reqId, `${entry.req.method} ${entry.req.url}`);
    if (entry.responseTime === undefined) continue;
    const url = urls.get(entry.reqId) ?? "";
    for (const [name, re] of Object.entries(routes)) if (re.test(url)) times[name]!.push(entry.responseTime);
  }
  const round = (n: number) => Number(n.toFixed(1));
  return Object.fromEntries(
    Object.entries(times).map(([name, ms]) => {
      ms.sort((a, b) => a - b);
      return [
        name,
        {
          count: ms.length,
          p50: round(percentile(ms, 50)),
          p95: round(percentile(ms, 95)),
          max: round(ms.at(-1) ?? 0),
        },
      ];
    }),
  );
}
