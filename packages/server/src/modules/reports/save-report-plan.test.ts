import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/client.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { uploadPhoto } from "../../test/upload.js";
import { findReportSaveContext } from "./save-report.repository.js";

/**
 * The read of a report's save is one named statement whose planning costs several times its execution. PostgreSQL
 * plans a named statement for its values five times, then keeps the generic plan unless that one is estimated
 * dearer. With the files looked up by `id = any($n)` in the statement itself, the generic plan guessed ten ids and
 * lost from a couple of thousand files on: every save was planned again (12 custom plans of 12 here).
 */
let t: TestApp;
let one: Database | undefined;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await one?.close();
  await t?.close();
});

type Plans = { generic_plans: string; custom_plans: string };

describe("the read of a report's save", () => {
  it("keeps its generic plan among thousands of files, and reads only the tenant's files asked for", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const photo = await uploadPhoto(p.kg1);
    const other = await buildPublishedPlan(t);
    const foreign = await uploadPhoto(other.kg1, "他处.png");
    // A bureau some months in: 3 000 evidence files of its schools.
    await t.database.db.execute(sql`insert into files (tenant_id, sha256, size, mime, filename, created_by, unit_id)
      select ${p.tenant.id}::uuid, md5(g::text), 204800, 'image/jpeg', '现场照片.jpg', null, null
      from generate_series(1, 3000) g`);
    await t.database.db.execute(sql`analyze files`);

    // One connection, so every read below runs the named statement on the same session.
    const db = t.database.kind === "postgres" ? await openOne() : t.database.db;
    const key = {
      tenantId: p.tenant.id,
      assignmentId: assignment.id,
      cycleId: cycle.id,
      indicatorIds: [indicatorId],
      fileIds: [photo, foreign],
    };
    for (let i = 0; i < 12; i++) {
      const read = await findReportSaveContext(db, key);
      expect(read?.assignment.id).toBe(assignment.id);
      // The other bureau's file is not among them.
      expect(read?.files.map((f) => [f.id, f.filename, f.createdAt instanceof Date])).toEqual([
        [photo, "现场照片.png", true],
      ]);
    }
    if (t.database.kind === "postgres") {
      const { rows } = (await db.execute(sql`select generic_plans, custom_plans from pg_prepared_statements
        where name = 'report_save_context'`)) as unknown as { rows: Plans[] };
      expect(rows).toEqual([{ generic_plans: "7", custom_plans: "5" }]);
    }
  });
});

/** A second handle on the test database with a single pooled connection. */
async function openOne() {
  one = await openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 1 });
  return one.db;
}
