/**
 * Named prepared statements kept per database handle (or transaction): built by Drizzle once, and since the name
 * travels with them, parsed and planned by PostgreSQL once per connection. A name stands for one SQL text only.
 */
const byHandle = new WeakMap<object, Map<string, unknown>>();

/** The statement `name` of `db`, built by `build` on first use. */
export function preparedOnce<T>(db: object, name: string, build: () => T): T {
  let named = byHandle.get(db);
  if (!named) {
    named = new Map();
    byHandle.set(db, named);
  }
  let statement = named.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build();
    named.set(name, statement);
  }
  return statement;
}
