import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { buildTenant, buildUser } from "../test/factories.js";
import { openTestDatabase, testConfig } from "../test/test-app.js";
import type { Database } from "./client.js";
import { formatRedactedError, redactError } from "./redact-error.js";
import { users } from "./schema.js";

const SECRET = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$TOP-SECRET-HASH";

let database: Database;
let app: FastifyInstance;
/** Every line the app's logger wrote, raw. */
const lines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  app = await buildApp({ database, config: testConfig(), webRoot: null, logger: { level: "info", stream } });
  const tenant = await buildTenant(database.db);
  const existing = await buildUser(database.db, { tenantId: tenant.id });
  // Routes that fail the way a bug would: a value the column type refuses, and a duplicate whose row holds a hash.
  app.get("/api/test/bad-cast", { config: { auth: "public" } }, async (request) => {
    const value = (request.query as { huge?: string }).huge ? "x".repeat(5_000_000) : SECRET;
    await database.db.execute(sql`select ${value}::int as n`);
  });
  app.get("/api/test/duplicate", { config: { auth: "public" } }, async () => {
    await database.db.insert(users).values({
      tenantId: tenant.id,
      name: "重复账号",
      login: existing.login,
      roles: ["admin"],
      passwordHash: SECRET,
    });
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** The "unhandled error" lines written while `run` ran. */
async function loggedDuring(run: () => Promise<unknown>): Promise<string[]> {
  const before = lines.length;
  await run();
  return lines.slice(before).filter((l) => l.includes('"unhandled error"'));
}

describe("failed queries in the log", () => {
  it("logs a failed query's SQL and error code without its parameters", async () => {
    const logged = await loggedDuring(async () => {
      const res = await app.inject({ method: "GET", url: "/api/test/bad-cast" });
      expect(res.statusCode).toBe(500);
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain("TOP-SECRET-HASH");
    const err = JSON.parse(logged[0]!).err;
    expect(err.sql).toBe("select $1::int as n");
    expect(err.message).toBe("Failed query: select $1::int as n");
    expect(err.cause.code).toBe("22P02");
    expect(err.cause.message).toBe('invalid input syntax for type integer: "[已隐去]"');
    expect(err).not.toHaveProperty("params");
  });

  it("leaves out PostgreSQL's detail, which quotes the row's values", async () => {
    const logged = await loggedDuring(async () => {
      const res = await app.inject({ method: "GET", url: "/api/test/duplicate" });
      expect(res.statusCode).toBe(500);
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain("TOP-SECRET-HASH");
    const err = JSON.parse(logged[0]!).err;
    expect(err.cause.code).toBe("23505");
    expect(err.cause.constraint).toBe("users_login_key");
    expect(err.cause).not.toHaveProperty("detail");
  });

  it("keeps a huge parameter out of the line, so a failed query logs a line of a few kilobytes", async () => {
    const logged = await loggedDuring(async () => {
      const res = await app.inject({ method: "GET", url: "/api/test/bad-cast?huge=1" });
      expect(res.statusCode).toBe(500);
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.length).toBeLessThan(10_000);
    expect(logged[0]).not.toContain("xxxxxxxxxx");
  });
});

describe("redactError", () => {
  it("cuts long SQL text and says how much was left out", () => {
    const query = `select ${"a, ".repeat(2000)}1`;
    const err = Object.assign(new Error(`Failed query: ${query}\nparams: ${SECRET}`), {
      query,
      params: [SECRET],
    });
    const out = redactError(err);
    expect(out.sql).toBe(`${query.slice(0, 1000)}…（另有 ${query.length - 1000} 个字符未记录）`);
    expect(JSON.stringify(out)).not.toContain("TOP-SECRET-HASH");
  });

  it("keeps the codes of every connection attempt of an AggregateError", () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:5432`), { code: "ECONNREFUSED", address });
    const out = redactError(new AggregateError([refused("::1"), refused("127.0.0.1")]));
    expect(out.errors?.map((e) => [e.code, e.address])).toEqual([
      ["ECONNREFUSED", "::1"],
      ["ECONNREFUSED", "127.0.0.1"],
    ]);
  });

  it("does not copy the properties of a thrown plain object", () => {
    expect(redactError({ params: [SECRET] })).toEqual({
      type: "object",
      message: "（非 Error 对象，已隐去）",
      stack: "",
    });
  });
});

describe("formatRedactedError", () => {
  it("prints the query's failure and its cause with codes, for the command line, without parameters", () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "users_login_key"'),
      {
        code: "23505",
        detail: `Key (lower(login))=(${SECRET}) already exists.`,
      },
    );
    const query = "insert into users (login, password_hash) values ($1, $2)";
    const err = Object.assign(new Error(`Failed query: ${query}\nparams: a,${SECRET}`), {
      query,
      params: ["a", SECRET],
      cause,
    });
    const lines = formatRedactedError(err).split("\n");
    expect(lines.filter((l) => !l.startsWith("    at "))).toEqual([
      `Error: Failed query: ${query}`,
      'Caused by: Error: duplicate key value violates unique constraint "users_login_key" [23505]',
    ]);
  });
});
