import { AsyncLocalStorage } from "node:async_hooks";
import { DrizzleQueryError } from "drizzle-orm/errors";
import type { FastifyInstance } from "fastify";

/**
 * A test-only fault injector on the database: it counts the statements a route runs and can make the N-th one
 * fail the way a database error does. It sees statements through the Drizzle logger the test database is opened
 * with (the logger runs just before the driver is called, on PGlite and node-postgres alike), so the production
 * path has no hook at all.
 */

/** What one request has run so far, from the moment its route handler starts. */
interface RequestStatements {
  /** False while the session hook runs: its lookup and lastSeenAt touch are not the route's work. */
  handling: boolean;
  /** The request's queries, the session hook's included, without transaction control (begin, commit …). */
  all: number;
  /** The route handler's queries, without transaction control. */
  handlerQueries: number;
  statements: number;
  writes: number;
  /** The statement made to fail, if one was. */
  failed: string | null;
}

/** Which statement of the next request to make fail. */
export interface FaultPlan {
  /** 1-based position among the counted statements. */
  nth: number;
  /** Count only writing statements (insert, update, delete), or every statement the route runs. */
  count: "writes" | "statements";
}

/** What the last request ran, and the statement made to fail if one was. */
export interface RequestTrace {
  /** The request's queries, the session lookup and its touch included, without transaction control. */
  all: number;
  /** The route handler's queries, without transaction control. */
  handlerQueries: number;
  /** The route handler's statements, transaction control included where the driver logs it (node-postgres). */
  statements: number;
  writes: number;
  failed: string | null;
}

const current = new AsyncLocalStorage<RequestStatements>();
let armed: FaultPlan | null = null;
let last: RequestStatements | null = null;

/** Functions of the schema that write rows (PL/pgSQL): a statement calling one is a write. */
const writingFunctions = /\b(record_evidence_upload|roll_up_task_progress)\s*\(/;

/** A statement that changes rows: an insert, update or delete, also as the body of a `with`, or a writing function. */
export function isWritingStatement(sql: string): boolean {
  const text = sql.trimStart().toLowerCase();
  if (/^(insert|update|delete)\b/.test(text) || writingFunctions.test(text)) return true;
  // A data-modifying CTE: `with x as (update …) select …`.
  return /^with\b/.test(text) && /\b(insert\s+into|update\s+"|delete\s+from)\b/.test(text);
}

/** Makes the given statement of the next request fail; the plan is spent once it fires. */
export function armFault(plan: FaultPlan): void {
  armed = plan;
}

/** Forgets an armed fault that did not fire (the request ran fewer statements). */
export function disarmFault(): void {
  armed = null;
}

/** The statements of the most recent request, and which one was made to fail. */
export function lastRequestTrace(): RequestTrace {
  return {
    all: last?.all ?? 0,
    handlerQueries: last?.handlerQueries ?? 0,
    statements: last?.statements ?? 0,
    writes: last?.writes ?? 0,
    failed: last?.failed ?? null,
  };
}

/** The error a failing statement raises: Drizzle's query error around a driver error with a SQLSTATE. */
function databaseError(sql: string, params: unknown[]): Error {
  // XX000 internal_error: not a constraint a service maps to a refusal, not a lost connection.
  const cause = Object.assign(new Error("injected fault: the database refused this statement"), {
    name: "DatabaseError",
    code: "XX000",
    severity: "ERROR",
  });
  return new DrizzleQueryError(sql, params, cause);
}

/** The Drizzle logger half: counts the route's statements and throws at the armed one. */
export function faultLogger() {
  return {
    logQuery(query: string, params: unknown[]): void {
      const request = current.getStore();
      if (!request) return;
      // node-postgres logs a transaction's begin and commit, PGlite does not: counts of queries leave them out.
      const control = /^\s*(begin|commit|rollback|savepoint|release)\b/i.test(query);
      if (!control) request.all++;
      if (!request.handling) return;
      if (!control) request.handlerQueries++;
      request.statements++;
      const writing = isWritingStatement(query);
      if (writing) request.writes++;
      if (!armed) return;
      const position = armed.count === "writes" ? (writing ? request.writes : 0) : request.statements;
      if (position !== armed.nth) return;
      armed = null;
      request.failed = query;
      throw databaseError(query, params);
    },
  };
}

/** The app half: gives each request its own count, started when its handler is about to run. */
export function countRequestStatements(app: FastifyInstance): void {
  app.addHook("onRequest", (_request, _reply, done) => {
    const request: RequestStatements = {
      handling: false,
      all: 0,
      handlerQueries: 0,
      statements: 0,
      writes: 0,
      failed: null,
    };
    last = request;
    current.run(request, done);
  });
  app.addHook("preHandler", (_request, _reply, done) => {
    const request = current.getStore();
    if (request) request.handling = true;
    done();
  });
}
