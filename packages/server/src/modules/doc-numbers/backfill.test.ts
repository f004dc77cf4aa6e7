// The migration that began numbering 督办单 numbers the notices raised before it; its SQL is replayed here on a
// private in-memory PGlite database, since on the shared test database it would renumber other files' notices.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/client.js";
import { migrateDatabase } from "../../db/migrate.js";
import { documentNumberSequences, planNodes, plans, supervisionNotices } from "../../db/schema.js";
import { buildTenant, buildUnit } from "../../test/factories.js";

const migration = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../drizzle/20261203235206_document_numbers.sql",
);

let database: Database;
beforeAll(async () => {
  database = await openDatabase({});
  await migrateDatabase(database);
}, 60_000);
afterAll(async () => database?.close());

/** The migration's backfill statements: those after its "Backfill" comment. */
function backfillStatements(): string[] {
  const text = fs.readFileSync(migration, "utf8");
  return text
    .slice(text.indexOf("-- Backfill"))
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
}

it("numbers earlier notices per tenant and Shanghai year in creation order, and continues each sequence", async () => {
  const { db } = database;
  const tenant = await buildTenant(db);
  const unit = await buildUnit(db, tenant.id);
  const [plan] = await db
    .insert(plans)
    .values({ tenantId: tenant.id, year: 2023, title: "工作要点" })
    .returning();
  const [node] = await db
    .insert(planNodes)
    .values({
      tenantId: tenant.id,
      planId: plan!.id,
      level: "task",
      title: "任务",
      text: "任务",
      position: 1,
    })
    .returning();
  const raise = (createdAt: string) =>
    db.insert(supervisionNotices).values({
      tenantId: tenant.id,
      planId: plan!.id,
      nodeId: node!.id,
      unitId: unit.id,
      level: "blue",
      source: "manual",
      reason: createdAt,
      createdAt: new Date(createdAt),
    });
  // 2023-12-31 17:30 UTC is already 2024-01-01 in Shanghai.
  for (const at of [
    "2023-03-01T02:00:00Z",
    "2023-12-31T17:30:00Z",
    "2023-01-05T02:00:00Z",
    "2023-12-31T15:00:00Z",
  ])
    await raise(at);
  for (const statement of backfillStatements()) await db.execute(sql.raw(statement));
  const numbered = await db
    .select({ reason: supervisionNotices.reason, number: supervisionNotices.documentNumber })
    .from(supervisionNotices)
    .where(eq(supervisionNotices.tenantId, tenant.id))
    .orderBy(asc(supervisionNotices.createdAt));
  expect(numbered).toEqual([
    { reason: "2023-01-05T02:00:00Z", number: "督办〔2023〕1号" },
    { reason: "2023-03-01T02:00:00Z", number: "督办〔2023〕2号" },
    { reason: "2023-12-31T15:00:00Z", number: "督办〔2023〕3号" },
    { reason: "2023-12-31T17:30:00Z", number: "督办〔2024〕1号" },
  ]);
  const sequences = await db
    .select({ year: documentNumberSequences.year, lastSeq: documentNumberSequences.lastSeq })
    .from(documentNumberSequences)
    .where(and(eq(documentNumberSequences.tenantId, tenant.id), eq(documentNumberSequences.series, "notice")))
    .orderBy(asc(documentNumberSequences.year));
  expect(sequences).toEqual([
    { year: 2023, lastSeq: 3 },
    { year: 2024, lastSeq: 1 },
  ]);
});
