/** A JSON schema as the OpenAPI document carries it (the subset zod emits). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
  default?: unknown;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same requests. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** One element of a list. */
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Strings that have broken servers, by kind, so each kind is tried as often as the others. */
const hostileStringKinds = [
  // NUL and control bytes, lone surrogates, bidi overrides
  ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "\u202e\u0007\u001b[31m"],
  // numbers and dates that are not
  [
    "NaN",
    "Infinity",
    "-1",
    "1e309",
    "2023-02-30",
    "2023-13-01",
    "0000-00-00",
    "99999-01-01",
    "2023-06-15T25:61:00Z",
  ],
  // injection-shaped text and unusual characters
  ["<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "🙂🙂🙂", "𠀀𪚥龘", "", " "],
  // ids of nothing, and text past every limit
  [
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "x".repeat(5000),
    "长".repeat(70_000),
  ],
] as const;

/** Every hostile string, flat. */
export const hostileStrings: readonly string[] = hostileStringKinds.flat();

/** Values of the wrong type, or out of every range. */
export const hostileValues: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  -1e308,
  1e308,
  2 ** 53 + 2,
  [],
  [null],
  {},
  { $gt: "" },
  "constructor",
];

/** Whole bodies no schema expects: broken JSON, prototype keys, the wrong top-level type. */
export const hostileBodies = [
  "{",
  '{"a":1}garbage',
  "null",
  '"text"',
  "[]",
  "[{}]",
  "12345",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  `{"deep":${"[".repeat(5000)}${"]".repeat(5000)}}`,
] as const;

/** A calendar date in a plausible year. */
function date(rng: Rng): string {
  const y = 2023 + rng.int(3);
  const m = String(1 + rng.int(12)).padStart(2, "0");
  const d = String(1 + rng.int(28)).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** The schema with `$ref`s that the document cannot resolve treated as "anything". */
function resolve(schema: JsonSchema | undefined): JsonSchema {
  if (!schema || schema.$ref) return {};
  return schema;
}

/** Generation settings: where ids come from and how often a value turns hostile. */
export interface GenOptions {
  rng: Rng;
  /** Real record ids, so valid-looking requests reach the services. */
  ids: string[];
  /** Probability that any one value is replaced by a hostile one. */
  hostility: number;
}

/** A hostile value of any kind. */
export function hostile(rng: Rng): unknown {
  return rng.chance(0.7) ? rng.pick(rng.pick(hostileStringKinds)) : rng.pick(hostileValues);
}

/** A value for a schema: mostly valid, sometimes hostile, recursively. */
export function valueFor(schema: JsonSchema | undefined, o: GenOptions, depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 0 && o.rng.chance(o.hostility)) return hostile(o.rng);
  const choices = s.anyOf ?? s.oneOf;
  if (choices) return valueFor(o.rng.pick(choices), o, depth + 1);
  if (s.allOf?.length) return valueFor(s.allOf[0], o, depth + 1);
  if (s.nullable && o.rng.chance(0.2)) return null;
  if (s.enum) return o.rng.pick(s.enum);
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "object":
      return objectFor(s, o, depth);
    case "array": {
      const item = Array.isArray(s.items) ? s.items[0] : s.items;
      const n = Math.max(s.minItems ?? 0, o.rng.int(Math.min(s.maxItems ?? 3, 3) + 1));
      return Array.from({ length: n }, () => valueFor(item, o, depth + 1));
    }
    case "integer":
    case "number": {
      const lo = s.minimum ?? 0;
      const hi = Math.min(s.maximum ?? lo + 100, lo + 100);
      const n = lo + o.rng.next() * (hi - lo);
      return type === "integer" ? Math.round(n) : n;
    }
    case "boolean":
      return o.rng.chance(0.5);
    case "string":
      return stringFor(s, o);
    default:
      return o.rng.chance(0.5) ? "任意" : {};
  }
}

/** An object with its required fields, some optional ones, and now and then a field nobody asked for. */
function objectFor(s: JsonSchema, o: GenOptions, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    if (!required.has(key) && o.rng.chance(0.5)) continue;
    // A required field left out is one more way in.
    if (required.has(key) && o.rng.chance(o.hostility / 4)) continue;
    out[key] = valueFor(prop, o, depth + 1);
  }
  if (o.rng.chance(o.hostility / 2)) out[o.rng.pick(["extra", "tenantId", "id", "roles"])] = hostile(o.rng);
  return out;
}

/** A string honouring format and length: a real id for a uuid, a real date for a date. */
function stringFor(s: JsonSchema, o: GenOptions): string {
  if (s.format === "uuid") return o.rng.chance(0.85) ? o.rng.pick(o.ids) : crypto.randomUUID();
  if (s.format === "date") return date(o.rng);
  if (s.format === "date-time") return `${date(o.rng)}T08:00:00.000Z`;
  if (s.format === "email") return `fuzz${o.rng.int(1000)}@example.com`;
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 20, 20);
  const n = Math.max(min, 1 + o.rng.int(Math.max(max, 1)));
  const alphabet = "abcXYZ019_-测试学校教育局";
  return Array.from({ length: n }, () => alphabet[o.rng.int(alphabet.length)]).join("");
}
