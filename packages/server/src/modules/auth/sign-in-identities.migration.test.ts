import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "../../db/migrate.js";

/** The migrations before sign-in identities existed: a copy of the folder whose journal stops earlier. */
function migrationsBefore(tagPrefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-migrations-"));
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8"));
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith(tagPrefix));
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

let client: PGlite;
const ids = {
  alice: "00000000-0000-4000-8000-00000000000a",
  clash: "00000000-0000-4000-8000-00000000000b",
  carol: "00000000-0000-4000-8000-00000000000c",
  dave: "00000000-0000-4000-8000-00000000000d",
};

beforeAll(async () => {
  client = new PGlite();
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: migrationsBefore("_sign_in_identities") });
  // Data an install could hold before: a login equal to another tenant's phone, and one phone on two accounts.
  await client.exec(`
    insert into tenants (id, code, name) values
      ('00000000-0000-4000-8000-0000000000a1', 'ta', '甲局'), ('00000000-0000-4000-8000-0000000000b1', 'tb', '乙局');
    insert into users (id, tenant_id, name, login, phone, roles, password_hash, created_at) values
      ('${ids.alice}', '00000000-0000-4000-8000-0000000000a1', '甲', 'Alice', '13800000001', '{school}', 'x', '2023-01-01'),
      ('${ids.clash}', '00000000-0000-4000-8000-0000000000b1', '乙', '13800000001', null, '{admin}', 'x', '2023-02-01'),
      ('${ids.carol}', '00000000-0000-4000-8000-0000000000a1', '丙', 'carol', '13900000002', '{school}', 'x', '2023-03-01'),
      ('${ids.dave}', '00000000-0000-4000-8000-0000000000b1', '丁', 'dave', '13900000002', '{school}', 'x', '2023-04-01');
  `);
  await migrate(db, { migrationsFolder });
});
afterAll(async () => client?.close());

/** Who each identity names now. */
async function identities(): Promise<Record<string, string>> {
  const { rows } = await client.query<{ identity: string; user_id: string }>(
    "select identity, user_id from sign_in_identities order by identity",
  );
  return Object.fromEntries(rows.map((r) => [r.identity, r.user_id]));
}

describe("sign_in_identities migration on an install with colliding identities", () => {
  it("migrates without failing: a login keeps its string, a shared phone stays with the oldest account", async () => {
    expect(await identities()).toEqual({
      alice: ids.alice,
      "13800000001": ids.clash,
      carol: ids.carol,
      "13900000002": ids.carol,
      dave: ids.dave,
    });
  });

  it("lets the account left without its phone be edited, and claims a new phone when it changes", async () => {
    await client.exec(
      `update users set name = '丁二', login = 'dave2', phone = '13900000002' where id = '${ids.dave}'`,
    );
    expect((await identities()).dave2).toBe(ids.dave);
    expect((await identities())["13900000002"]).toBe(ids.carol);
    await client.exec(`update users set phone = '13900000003' where id = '${ids.dave}'`);
    expect((await identities())["13900000003"]).toBe(ids.dave);
  });

  it("refuses from then on a login or phone that another user signs in with", async () => {
    await expect(
      client.exec(`update users set phone = '13900000003' where id = '${ids.alice}'`),
    ).rejects.toMatchObject({
      code: "23505",
    });
    await expect(
      client.exec(`update users set login = 'carol' where id = '${ids.alice}'`),
    ).rejects.toMatchObject({
      code: "23505",
    });
  });
});
