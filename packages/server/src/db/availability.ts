/** What a process tells the user while its database cannot be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "数据库暂时无法连接，请稍后重试；如持续出现，请联系系统管理员检查数据库服务";

/** Socket errors meaning the server is not there (refused, reset, unreachable, name not resolved). */
const socketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATEs of a server going away or not yet accepting connections: admin_shutdown (a restart or
 * pg_terminate_backend), crash_shutdown, cannot_connect_now (starting up, shutting down, in recovery), and the
 * connection-exception class 08.
 */
const sqlStates = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);

/** node-postgres and its pool raise these as plain errors without a code. */
const driverMessages = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  // A wait for a pooled connection that outlasted the pool's queue timeout (a minute): nothing is served.
  "timeout exceeded when trying to connect",
  // A new connection not made within the connect timeout (a host that accepts nothing, a firewall dropping it).
  "timeout expired",
];

/** Whether an error (or any error it wraps) means the database cannot be reached, not that a query was wrong. */
export function isConnectionError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (socketCodes.has(e.code) || sqlStates.has(e.code))) return true;
  if (typeof e.message === "string" && driverMessages.some((m) => (e.message as string).startsWith(m)))
    return true;
  // A refused connection to "localhost" arrives as an AggregateError of one refusal per address.
  if (Array.isArray(e.errors) && e.errors.some((x) => isConnectionError(x, depth + 1))) return true;
  // Drizzle wraps the driver's error in `cause`.
  return isConnectionError(e.cause, depth + 1);
}

/** A change of reachability, as reported to listeners. */
export type AvailabilityChange = { available: false; error: unknown } | { available: true; downMs: number };

/**
 * Whether this process can reach its database. Goes down on a connection error (an idle connection dropped by
 * a restart, a refused connect, a query cut off) and up again on the next successful connection, which a
 * probe looks for every second while down, so health and the scheduler follow the database within seconds.
 */
export class DatabaseAvailability {
  #available = true;
  #downSince = 0;
  #probeTimer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly #listeners = new Set<(change: AvailabilityChange) => void>();

  /**
   * `probe` runs one trivial query; it is called only while the database is down. Without one (the embedded
   * database, which has no connection to lose) nothing counts as a connection failure: an SMTP server's
   * ECONNREFUSED is not the database's.
   */
  constructor(
    private readonly probe: (() => Promise<unknown>) | null,
    private readonly probeEveryMs = 1000,
  ) {}

  /** Whether the last thing seen of the database was a working connection. */
  get available(): boolean {
    return this.#available;
  }

  /** Records a failed query or connection; returns true (and goes down) when it was a connection failure. */
  noteFailure(err: unknown): boolean {
    if (!this.probe || !isConnectionError(err)) return false;
    if (this.#available && !this.#closed) {
      this.#available = false;
      this.#downSince = Date.now();
      this.#emit({ available: false, error: err });
      this.#scheduleProbe();
    }
    return true;
  }

  /** Records a working connection. */
  noteSuccess(): void {
    if (this.#available) return;
    this.#available = true;
    this.#clearProbe();
    this.#emit({ available: true, downMs: Date.now() - this.#downSince });
  }

  /** Calls `listener` on every change; returns a function that stops the calls. */
  onChange(listener: (change: AvailabilityChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops probing; used when the database is closed. */
  close(): void {
    this.#closed = true;
    this.#clearProbe();
  }

  #emit(change: AvailabilityChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  #scheduleProbe(): void {
    const probe = this.probe;
    if (!probe || this.#closed || this.#probeTimer) return;
    this.#probeTimer = setTimeout(() => {
      this.#probeTimer = null;
      if (this.#available || this.#closed) return;
      probe().then(
        () => this.noteSuccess(),
        () => this.#scheduleProbe(),
      );
    }, this.probeEveryMs);
    // A probe never keeps a process alive that has nothing else to do.
    this.#probeTimer.unref();
  }

  #clearProbe(): void {
    if (this.#probeTimer) clearTimeout(this.#probeTimer);
    this.#probeTimer = null;
  }
}

/** The part of a pino logger the availability log needs. */
export interface AvailabilityLog {
  error(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

/** Logs each change once: one line when the database goes away, one when it is back. */
export function logAvailabilityChanges(availability: DatabaseAvailability, log: AvailabilityLog): () => void {
  return availability.onChange((change) => {
    if (!change.available)
      log.error(
        { err: change.error },
        "数据库无法连接：请求答复 503 database_unavailable，定时任务暂停，恢复后自动继续",
      );
    else log.info({ downMs: change.downMs }, "数据库已恢复连接，服务与定时任务继续");
  });
}
