// The worker thread that owns PGlite: it runs every statement, so the server's event loop never waits on the
// database's CPU. It imports nothing of the server but the message types and the statements it keeps: a worker
// loads its modules anew.
import { parentPort, workerData } from "node:worker_threads";
import {
  type ParserOptions,
  PGlite,
  type PGliteOptions,
  type Results,
  type Transaction,
} from "@electric-sql/pglite";
import {
  type PgliteWorkerInit,
  type QueryRequest,
  serializeError,
  type WorkerReply,
  type WorkerRequest,
} from "./pglite-protocol.js";
import { PgliteStatements } from "./pglite-statements.js";

/** A transaction the main thread holds open, and how to end it. */
interface OpenTransaction {
  tx: Transaction;
  /** Resolves with the main thread's verdict: commit (true) or roll back (false). */
  end(commit: boolean): void;
  /** The request waiting for the transaction's outcome. */
  endId: number;
}

/** Thrown inside PGlite's transaction callback so that PGlite itself rolls back. */
const rollbackRequested = new Error("rollback requested by the main thread");

const port = parentPort;
if (!port) throw new Error("pglite-worker runs only as a worker thread");
const init = workerData as PgliteWorkerInit;
const transactions = new Map<number, OpenTransaction>();

const identity = (value: unknown) => value;

/** The main thread parses these types with its own functions: here they stay as the text PostgreSQL sent. */
function parsersFor(oids: number[] | undefined): ParserOptions | undefined {
  if (!oids || oids.length === 0) return undefined;
  const parsers: ParserOptions = {};
  for (const oid of oids) parsers[oid] = identity;
  return parsers;
}

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

function txOf(id: number | undefined): Transaction | undefined {
  if (id === undefined) return undefined;
  const open = transactions.get(id);
  if (!open) throw new Error(`transaction ${id} is not open`);
  return open.tx;
}

/** The app's reads and writes run as kept named statements; the rest (schema changes, bulk writes) as PGlite does. */
function runQuery(pg: PGlite, statements: PgliteStatements, req: QueryRequest): Promise<Results> {
  const parsers = parsersFor(req.parserOids);
  const options = { ...(req.rowMode ? { rowMode: req.rowMode } : {}), ...(parsers ? { parsers } : {}) };
  const tx = txOf(req.tx);
  // As PGlite's own transaction object refuses a statement once it was rolled back.
  if (tx?.closed) throw new Error("Transaction is closed");
  if (PgliteStatements.keeps(req.sql, req.params))
    return statements.query(req.sql, req.params, options, tx !== undefined);
  return (tx ?? pg).query(req.sql, req.params, options);
}

/** Opens a transaction with PGlite's own `transaction()`, whose callback lasts until the main thread ends it. */
function begin(pg: PGlite, id: number): void {
  let endTransaction: (commit: boolean) => void = () => undefined;
  const verdict = new Promise<boolean>((resolve) => {
    endTransaction = resolve;
  });
  pg.transaction(async (tx) => {
    transactions.set(id, { tx, end: endTransaction, endId: 0 });
    reply({ id, ok: true, value: id });
    if (!(await verdict)) throw rollbackRequested;
  }).then(
    () => settle(id, null),
    (err: unknown) => settle(id, err === rollbackRequested ? null : err),
  );
}

/** Answers the request that ended a transaction (or the begin, if PGlite failed to open one). */
function settle(id: number, err: unknown): void {
  const open = transactions.get(id);
  transactions.delete(id);
  const to = open ? open.endId : id;
  reply(err === null ? { id: to, ok: true, value: null } : { id: to, ok: false, error: serializeError(err) });
}

async function handle(pg: PGlite, statements: PgliteStatements, req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case "query":
      return runQuery(pg, statements, req);
    case "exec":
      return (txOf(req.tx) ?? pg).exec(req.sql);
    case "rollback":
      return txOf(req.tx)?.rollback();
    case "dump": {
      const dump = await pg.dumpDataDir(req.compression);
      return dump.arrayBuffer();
    }
    case "close":
      await pg.close();
      return null;
    default:
      throw new Error(`unknown request ${(req as { op: string }).op}`);
  }
}

function onMessage(pg: PGlite, statements: PgliteStatements, req: WorkerRequest): void {
  if (req.op === "begin") {
    begin(pg, req.id);
    return;
  }
  if (req.op === "end") {
    const open = transactions.get(req.tx);
    if (open) {
      open.endId = req.id;
      open.end(req.commit);
    } else reply({ id: req.id, ok: false, error: serializeError(new Error("no such transaction")) });
    return;
  }
  handle(pg, statements, req).then(
    (value) => {
      const transfer = value instanceof ArrayBuffer ? [value] : [];
      port?.postMessage({ id: req.id, ok: true, value } satisfies WorkerReply, transfer);
    },
    (err: unknown) => reply({ id: req.id, ok: false, error: serializeError(err) }),
  );
}

async function start(): Promise<void> {
  const pg = new PGlite({
    ...(init.dataDir ? { dataDir: init.dataDir } : {}),
    ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}),
    ...(init.wasmModule ? { pgliteWasmModule: init.wasmModule as PGliteOptions["pgliteWasmModule"] } : {}),
  });
  try {
    await pg.waitReady;
  } catch (err) {
    reply({ id: 0, ok: false, error: serializeError(err) });
    return;
  }
  const statements = new PgliteStatements(pg);
  port?.on("message", (req: WorkerRequest) => onMessage(pg, statements, req));
  reply({ id: 0, ok: true, value: null });
}

void start();
