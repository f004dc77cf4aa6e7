import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client.js";

/** A read not yet started: a Drizzle query (it runs when awaited) or a function that starts one. */
export type LazyRead<T> = PromiseLike<T> | (() => PromiseLike<T>);

/**
 * Runs independent reads side by side on the pool, and one after another inside a transaction: a transaction holds
 * one connection, which runs one statement at a time (node-postgres queues the rest and warns that queuing is
 * deprecated). Same answers either way, in the order given. Pass Drizzle queries as they are and anything else as a
 * function, so that nothing starts before its turn.
 */
export async function readTogether<T extends readonly unknown[]>(
  db: DbOrTx,
  reads: { [K in keyof T]: LazyRead<T[K]> },
): Promise<T> {
  const start = (read: LazyRead<unknown>) => (typeof read === "function" ? read() : read);
  const all = reads as unknown as LazyRead<unknown>[];
  if (!(db instanceof PgTransaction)) return (await Promise.all(all.map(start))) as unknown as T;
  const answers: unknown[] = [];
  for (const read of all) answers.push(await start(read));
  return answers as unknown as T;
}
