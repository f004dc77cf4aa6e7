// Quoted slogans (“两学一做”, “1530”), cited titles (《…（2021—2025年）》) and 文号 brackets
// (〔2024〕) never hold targets or milestones, so the scanners skip these zones.

// opener code → [closer code, longest zone searched]
const PAIRS = new Map<number, [number, number]>([
  [0x201c, [0x201d, 40]],
  [0x2018, [0x2019, 40]],
  [0x300c, [0x300d, 40]],
  [0x300e, [0x300f, 40]],
  [0x22, [0x22, 40]],
  [0x300a, [0x300b, 120]],
  [0x3008, [0x3009, 60]],
  [0x3014, [0x3015, 12]],
  [0x5b, [0x5d, 12]],
]);

function isOpener(c: number): boolean {
  return c === 0x201c || c === 0x2018 || c === 0x22 || c === 0x5b || (c >= 0x3008 && c <= 0x3014);
}

/** Canonical ranges `[start, end)` of quotes, book titles and 文号 brackets inside `[s, e)`, in order. */
export function findQuoteZones(text: string, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  // Per closer: how far a failed search already looked, so a run of unmatched openers stays linear.
  const searched = new Map<number, number>();
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!isOpener(c)) continue;
    const pair = PAIRS.get(c);
    if (!pair) continue;
    const [closer, max] = pair;
    const limit = Math.min(e, i + max);
    const from = Math.max(i + 1, searched.get(closer) ?? 0);
    let close = -1;
    for (let k = from; k < limit; k++) {
      const d = text.charCodeAt(k);
      if (d === closer) {
        close = k;
        break;
      }
      if (d === 0x0a) break;
    }
    if (close < 0) {
      searched.set(closer, Math.max(from, limit));
      continue;
    }
    out.push([i, close + 1]);
    i = close;
  }
  return out;
}

/** Answers "does this range touch a zone?" in O(1) from a prefix count over the region `[s, e)`. */
export class ZoneMask {
  private readonly prefix: Int32Array | null;

  constructor(
    private readonly s: number,
    e: number,
    zones: [number, number][],
  ) {
    if (zones.length === 0) {
      this.prefix = null;
      return;
    }
    const n = Math.max(0, e - s);
    const marks = new Uint8Array(n);
    for (const [a, b] of zones) marks.fill(1, Math.max(0, a - s), Math.min(n, b - s));
    const prefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + marks[i]!;
    this.prefix = prefix;
  }

  /** True when canonical `[a, b)` overlaps a zone. */
  overlaps(a: number, b: number): boolean {
    const { prefix } = this;
    if (!prefix) return false;
    const n = prefix.length - 1;
    const lo = Math.min(n, Math.max(0, a - this.s));
    const hi = Math.min(n, Math.max(0, b - this.s));
    return prefix[hi]! - prefix[lo]! > 0;
  }
}
