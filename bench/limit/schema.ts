// The limit server's own tiny schema: assignments, stored files, reports; for the review's equivalent a reviewer
// with a session, the reports' history, the audit log and notices. Created in a database of its own so its
// statements and commits are counted apart from Duban's.
import { createHash, randomBytes, randomUUID } from "node:crypto";
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
create table if not exists limit_user (
  id uuid primary key,
  name text not null,
  roles text[] not null,
  enabled boolean not null default true
);
create table if not exists limit_session (
  id text primary key,
  user_id uuid not null references limit_user(id),
  csrf_token text not null,
  expires_at timestamptz not null
);
create table if not exists limit_report_event (
  id bigserial primary key,
  report_id uuid not null references limit_report(id),
  action text not null,
  reason text,
  actor_id uuid not null,
  actor_name text not null,
  created_at timestamptz not null default now()
);
create index if not exists limit_report_event_report on limit_report_event(report_id);
create table if not exists limit_audit (
  id bigserial primary key,
  actor_id uuid not null,
  actor_name text not null,
  action text not null,
  entity text not null,
  entity_id text not null,
  summary jsonb not null,
  ip text,
  created_at timestamptz not null default now()
);
create table if not exists limit_notification (
  id bigserial primary key,
  assignment_id uuid not null,
  kind text not null,
  title text not null,
  body text not null,
  link text not null,
  created_at timestamptz not null default now()
);
`;

/** The session cookie and CSRF token of the limit's reviewer (the review's equivalent authenticates by them). */
export interface LimitReviewer {
  cookie: string;
  csrfToken: string;
}

/** The limit session's id: the SHA-256 of the cookie's token, so the table never holds the token itself. */
export const limitSessionId = (token: string) => createHash("sha256").update(token).digest("base64url");

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

/** A reviewer of the lead unit with a session of a day. */
export async function seedLimitReviewer(databaseUrl: string): Promise<LimitReviewer> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const userId = randomUUID();
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(16).toString("hex");
    await c.query("insert into limit_user (id, name, roles) values ($1, '牵头科室审核人', array['lead'])", [
      userId,
    ]);
    await c.query(
      "insert into limit_session (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '1 day')",
      [limitSessionId(token), userId, csrfToken],
    );
    return { cookie: `limit_session=${token}`, csrfToken };
  } finally {
    await c.end();
  }
}

/** One submitted report (version 1, with a stored file) on each assignment; returns their ids in order. */
export async function seedLimitReports(databaseUrl: string, assignmentIds: string[]): Promise<string[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query(
      `with a as (select id, ord from unnest($1::uuid[]) with ordinality as t(id, ord)),
        f as (insert into limit_file (id, name, mime, size, sha256, path)
          select gen_random_uuid(), 'photo.png', 'image/png', 200000, repeat('0', 64), '/dev/null' from a
          returning id),
        fo as (select id, row_number() over () as ord from f)
      insert into limit_report (id, assignment_id, file_id, progress, done_text, problems_text, next_text, status)
      select gen_random_uuid(), a.id, fo.id, 10 + (a.ord % 90)::int, '新增学位若干个，完成分园装修。', '师资配备仍有缺口。',
        '完成招生。', 'submitted'
      from a join fo on fo.ord = a.ord order by a.ord
      returning id, assignment_id`,
      [assignmentIds],
    );
    const byAssignment = new Map(
      r.rows.map((x: { id: string; assignment_id: string }) => [x.assignment_id, x.id]),
    );
    return assignmentIds.map((id) => byAssignment.get(id)!);
  } finally {
    await c.end();
  }
}
