// Named prepared statements for PGlite, kept by the worker thread that owns it. PGlite's own `query` sends every
// statement unnamed: PostgreSQL parses, analyses and plans it again on each call, and PGlite makes six calls into
// its WebAssembly for it (parse, describe, bind, describe, execute, sync). Here a statement's text is parsed once
// under a name and described once; each later call is one bind + execute + sync, and PostgreSQL may keep a plan,
// as it does for the named statements a PostgreSQL server keeps per connection.
import {
  type messages,
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
} from "@electric-sql/pglite";

const { serialize } = protocol;
type BackendMessage = messages.BackendMessage;
type RowDescriptionMessage = messages.RowDescriptionMessage;
type ParameterDescriptionMessage = messages.ParameterDescriptionMessage;

/** A statement PGlite has parsed under `name`: its parameters' types and the description of its rows. */
interface Prepared {
  name: string;
  paramTypes: number[];
  /** Absent for a statement that returns no rows (an insert without `returning`). */
  rows: RowDescriptionMessage | undefined;
}

/** How many statements are kept; the least recently used one is closed past that. */
const PGLITE_STATEMENTS_KEPT = 200;

/**
 * The statements worth keeping: reads and writes the app repeats. Schema changes and transaction control (run
 * once, by migrations and tests) keep PGlite's unnamed path, and so do bulk writes (an import's rows in one insert,
 * a restore): their text differs with the number of rows and their plans are large, so kept they would only fill
 * PGlite's memory, which never shrinks. The app's largest repeated statement (the review's write) is 3.2 KB with
 * 32 parameters.
 */
const REPEATABLE = /^\s*(select|insert|update|delete|with)\b/i;
const MAX_KEPT_TEXT = 16_000;
const MAX_KEPT_PARAMS = 100;

/** SQLSTATE of a named statement that no longer exists. */
const STATEMENT_GONE = "26000";

/** PostgreSQL's error for a kept statement whose rows changed type under a schema change (SQLSTATE 0A000). */
const ROWS_CHANGED = "cached plan must not change result type";

/** Concatenates protocol messages into one buffer, handed to PGlite in one call. */
function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The statements PGlite keeps for one worker, by SQL text. */
export class PgliteStatements {
  /** By text, least recently used first (a Map keeps insertion order; a use moves the entry to the end). */
  private readonly kept = new Map<string, Prepared>();
  /** Names evicted or found broken, closed at the start of the next call. */
  private toClose: string[] = [];
  private next = 1;

  constructor(
    private readonly pg: PGlite,
    private readonly capacity = PGLITE_STATEMENTS_KEPT,
  ) {}

  /** How many statements are kept now. */
  get size(): number {
    return this.kept.size;
  }

  /** Whether `sql` with `params` is run through a kept statement (else through PGlite's unnamed `query`). */
  static keeps(sql: string, params: readonly unknown[]): boolean {
    return params.length <= MAX_KEPT_PARAMS && sql.length <= MAX_KEPT_TEXT && REPEATABLE.test(sql);
  }

  /**
   * Runs `sql` as PGlite's `query` would: outside a transaction it waits for the open one to end; inside the
   * worker's open transaction (`inTransaction`) it runs in it. The answer has the same rows, fields and counts.
   */
  query(sql: string, params: unknown[], options: QueryOptions, inTransaction: boolean): Promise<Results> {
    const run = () => this.pg.runExclusive(() => this.run(sql, params, options, inTransaction));
    return inTransaction ? run() : this.pg._runExclusiveTransaction(run);
  }

  private async run(
    sql: string,
    params: unknown[],
    options: QueryOptions,
    inTransaction: boolean,
  ): Promise<Results> {
    try {
      return await this.execute(sql, params, options);
    } catch (err) {
      const stale = this.failed(err, sql, params);
      // Outside a transaction nothing was done: the statement is prepared again and run once more.
      if (!stale || inTransaction) throw err;
      try {
        return await this.execute(sql, params, options);
      } catch (again) {
        this.failed(again, sql, params);
        throw again;
      }
    } finally {
      if (!inTransaction) await this.pg.syncToFs();
    }
  }

  /** Binds and executes the kept statement of `sql`, preparing it first if it is not kept. */
  private async execute(sql: string, params: unknown[], options: QueryOptions): Promise<Results> {
    let statement = this.kept.get(sql);
    if (statement) {
      // Most recently used: to the end of the eviction order.
      this.kept.delete(sql);
      this.kept.set(sql, statement);
    } else statement = await this.prepare(sql);
    const messages = await this.exchange([
      serialize.bind({ statement: statement.name, values: this.values(statement, params, options) }),
      serialize.execute({}),
    ]);
    const rows = statement.rows ? [statement.rows as BackendMessage] : [];
    return parse.parseResults([...rows, ...messages], this.pg.parsers, options)[0] as Results;
  }

  /** Parses and describes `sql` under a new name, keeping it (and closing the least recently used past capacity). */
  private async prepare(sql: string): Promise<Prepared> {
    const name = `duban_${this.next++}`;
    const messages = await this.exchange([
      serialize.parse({ name, text: sql }),
      serialize.describe({ type: "S", name }),
    ]);
    const params = messages.find((m) => m.name === "parameterDescription") as
      | ParameterDescriptionMessage
      | undefined;
    const rows = messages.find((m) => m.name === "rowDescription") as RowDescriptionMessage | undefined;
    const statement: Prepared = { name, paramTypes: params?.dataTypeIDs ?? [], rows };
    this.kept.set(sql, statement);
    if (this.kept.size > this.capacity) {
      const [oldest] = this.kept;
      if (oldest) this.forget(oldest[0]);
    }
    return statement;
  }

  /** The parameters as text, serialised by their types exactly as PGlite's `query` serialises them. */
  private values(statement: Prepared, params: unknown[], options: QueryOptions): (string | null)[] {
    return params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = statement.paramTypes[i] ?? 0;
      const serializer = options.serializers?.[oid] ?? this.pg.serializers[oid];
      return serializer ? (serializer(param) as string) : String(param);
    });
  }

  /**
   * Sends the messages, preceded by the closes due and followed by a sync, in one call; the sync ends an implicit
   * transaction and, after an error, brings the session back to ready, as PGlite's `query` does.
   */
  private async exchange(parts: Uint8Array[]): Promise<BackendMessage[]> {
    const closes = this.toClose.map((name) => serialize.close({ type: "S", name }));
    this.toClose = [];
    return this.pg.execProtocolStream(joined([...closes, ...parts, serialize.sync()]), { syncToFs: false });
  }

  /** Drops the statement of `sql` from the kept ones; it is closed with the next call. */
  private forget(sql: string): void {
    const statement = this.kept.get(sql);
    if (!statement) return;
    this.kept.delete(sql);
    this.toClose.push(statement.name);
  }

  /**
   * Gives the error what PGlite's `query` gives it (the statement and its parameters), and says whether the kept
   * statement was stale: gone, or its rows changed type under a schema change. A stale one is forgotten, so the
   * next call prepares it again.
   */
  private failed(err: unknown, sql: string, params: unknown[]): boolean {
    const code = (err as Partial<messages.DatabaseError>).code;
    if (err instanceof Error && code !== undefined) Object.assign(err, { query: sql, params });
    const stale = code === STATEMENT_GONE || (code === "0A000" && (err as Error).message === ROWS_CHANGED);
    if (stale) this.forget(sql);
    return stale;
  }
}
