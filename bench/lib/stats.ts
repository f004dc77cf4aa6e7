// Latency samples per step and their summary: throughput, percentiles, errors with a few messages.

/** One finished request (or chain of requests) as the client saw it. */
export interface Sample {
  start: number;
  end: number;
  ok: boolean;
  error?: string;
}

/** The printed summary of one step. */
export interface StepSummary {
  requests: number;
  ok: number;
  errors: number;
  errorSamples: { message: string; count: number }[];
  wallMs: number;
  requestsPerS: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
}

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Collects the samples of one step. */
export class Step {
  readonly samples: Sample[] = [];

  /** Records a sample; `error` is set for non-2xx answers and network failures. */
  add(sample: Sample): void {
    this.samples.push(sample);
  }

  /** Requests per second over the step's window (first start to last end), percentiles over all samples. */
  summary(): StepSummary {
    const s = this.samples;
    const ms = s.map((x) => x.end - x.start).sort((a, b) => a - b);
    // A loop, not Math.max(...array): a long soak sends more requests than arguments fit on the stack.
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const x of s) {
      if (x.start < first) first = x.start;
      if (x.end > last) last = x.end;
    }
    const wallMs = s.length ? last - first : 0;
    const messages = new Map<string, number>();
    for (const x of s) if (!x.ok) messages.set(x.error ?? "?", (messages.get(x.error ?? "?") ?? 0) + 1);
    const errors = s.filter((x) => !x.ok).length;
    return {
      requests: s.length,
      ok: s.length - errors,
      errors,
      errorSamples: [...messages]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([message, count]) => ({ message: message.slice(0, 300), count })),
      wallMs: round(wallMs),
      requestsPerS: wallMs > 0 ? round((s.length / wallMs) * 1000) : 0,
      latencyMs: {
        p50: round(percentile(ms, 50)),
        p95: round(percentile(ms, 95)),
        p99: round(percentile(ms, 99)),
        max: round(ms.at(-1) ?? 0),
        mean: round(ms.reduce((a, b) => a + b, 0) / (ms.length || 1)),
      },
    };
  }
}

/** Runs `fn` over items with at most `limit` in flight; used for setup, never for the measured surge. */
export async function eachLimited<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Median of the numbers given (null when there are none). */
export function median(values: (number | null | undefined)[]): number | null {
  const v = values
    .filter((x): x is number => typeof x === "number" && Number.isFinite(x))
    .sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return round(v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2, 3);
}

/**
 * The per-round figures folded into one object of the same shape: medians of numeric leaves; other leaves
 * (texts, error samples) from the first round.
 */
export function medians<T>(rounds: T[]): T {
  const first = rounds[0];
  if (typeof first === "number" || first === null)
    return (rounds.some((r) => typeof r === "number") ? median(rounds as number[]) : first) as T;
  if (Array.isArray(first) || typeof first !== "object" || first === undefined) return first as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first as object))
    out[key] = medians(rounds.map((r) => (r as Record<string, unknown> | undefined)?.[key]));
  return out as T;
}
