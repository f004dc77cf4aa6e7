// The limit server's own tiny schema: assignments, stored files, reports. Created in a database of its own so
// its statements and commits are counted apart from Duban's.
import pg from "pg";

const DDL = `
create table if not exists limit_assignment (
  id uuid primary key,
  progress integer not null default 0,
  status text not null default 'pending',
  updated_at timestamptz not null default now()
);
create table if not exists limit_file (
  id uuid primary key,
  name text not null,
  mime text not null,
  size integer not null,
  sha256 text not null,
  path text not null,
  created_at timestamptz not null default now()
);
create table if not exists limit_report (
  id uuid primary key,
  assignment_id uuid not null references limit_assignment(id),
  file_id uuid not null references limit_file(id),
  progress integer not null,
  done_text text not null,
  problems_text text not null,
  next_text text not null,
  status text not null,
  version integer not null default 1,
  submitted_at timestamptz not null default now(),
  reviewed_at timestamptz
);
create index if not exists limit_report_assignment on limit_report(assignment_id);
`;

/** Creates the schema (idempotent) and `count` fresh assignments; returns their ids. */
export async function seedLimit(databaseUrl: string, count: number): Promise<string[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(DDL);
    const r = await c.query(
      "insert into limit_assignment (id) select gen_random_uuid() from generate_series(1, $1) returning id",
      [count],
    );
    return r.rows.map((x: { id: string }) => x.id);
  } finally {
    await c.end();
  }
}
