/** The longest SQL text or message a log line carries. */
const MAX_TEXT = 1000;
/** Stack frames kept per error. */
const MAX_FRAMES = 15;
/** How deep `cause` chains (and AggregateError members) are followed. */
const MAX_DEPTH = 3;

/**
 * Properties copied as they are: codes and names of things, never values. Everything else an error carries is
 * left out, notably Drizzle's `params` and PostgreSQL's `detail` ("Key (login)=(…) already exists", "Failing
 * row contains (…)"), which hold the values a query was given: password hashes, personal data, whole files.
 */
const safeKeys = [
  "code",
  "errno",
  "syscall",
  "address",
  "port",
  "statusCode",
  "severity",
  "routine",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "position",
] as const;

/** An error as it may be written to a log. */
export interface RedactedError {
  type: string;
  message: string;
  stack: string;
  sql?: string;
  cause?: RedactedError;
  errors?: RedactedError[];
  [key: string]: unknown;
}

/** Cuts a string to `max` characters, saying how much was left out. */
function truncate(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}…（另有 ${text.length - max} 个字符未记录）`;
}

/** The SQL text an error carries (Drizzle's wrapper and PGlite's errors both name it `query`). */
function queryOf(err: Error): string | null {
  const query = (err as { query?: unknown }).query;
  return typeof query === "string" ? query : null;
}

/** The message without values: Drizzle's lists every parameter; a data error (class 22) quotes the bad value. */
function safeMessage(err: Error): string {
  const query = queryOf(err);
  if (query !== null && err.message.startsWith("Failed query:")) return `Failed query: ${truncate(query)}`;
  const code = (err as { code?: unknown }).code;
  const message = String(err.message ?? "");
  // e.g. 22P02 invalid input syntax for type integer: "…the value…"; identifiers are quoted too, a fair loss.
  if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code))
    return truncate(message.replace(/"(?:[^"]|"")*"/g, '"[已隐去]"'));
  return truncate(message);
}

/**
 * Turns any thrown value into a log-safe object: type, a message without query parameters, the SQL text and
 * error code, the stack frames (whose first line would repeat the raw message), and the causes likewise.
 */
export function redactError(err: unknown, depth = 0): RedactedError {
  if (!(err instanceof Error)) {
    const type = err === null ? "null" : typeof err;
    const message = typeof err === "object" ? "（非 Error 对象，已隐去）" : truncate(String(err));
    return { type, message, stack: "" };
  }
  const message = safeMessage(err);
  const type = err.constructor?.name || err.name || "Error";
  const frames = (err.stack ?? "").split("\n").filter((line) => line.startsWith("    at "));
  const stack = [`${type}: ${message}`, ...frames.slice(0, MAX_FRAMES)].join("\n");
  const out: RedactedError = { type, message, stack };
  const query = queryOf(err);
  if (query !== null) out.sql = truncate(query);
  for (const key of safeKeys) {
    const value = (err as unknown as Record<string, unknown>)[key];
    if (typeof value === "string") out[key] = truncate(value, 200);
    else if (typeof value === "number") out[key] = value;
  }
  if (depth < MAX_DEPTH) {
    if (err.cause !== undefined) out.cause = redactError(err.cause, depth + 1);
    const members = (err as { errors?: unknown }).errors;
    if (Array.isArray(members)) out.errors = members.slice(0, 5).map((m) => redactError(m, depth + 1));
  }
  return out;
}

/** Pino serializers for the server's logger: every `err` logged goes through `redactError`. */
export const logSerializers = { err: redactError };

/** The redacted error as text for a terminal: each stack with its code, then its causes. */
export function formatRedactedError(err: unknown): string {
  const parts: string[] = [];
  for (let e: RedactedError | undefined = redactError(err); e; e = e.cause) {
    const [first = e.message, ...frames] = (e.stack || e.message).split("\n");
    const code = e.code === undefined ? "" : ` [${String(e.code)}]`;
    parts.push([`${parts.length ? "Caused by: " : ""}${first}${code}`, ...frames].join("\n"));
    if (e.sql && !e.stack.includes(e.sql)) parts.push(`SQL: ${e.sql}`);
  }
  return parts.join("\n");
}
