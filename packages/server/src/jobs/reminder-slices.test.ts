import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client.js";
import { buildAssignedPlan } from "../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { REMINDER_SLICE, runReminders } from "./run-reminders.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => t?.close());

/** A Wednesday; the tick runs on the Monday before, so every assignment owes its 即将到期 reminder. */
const DUE = "2026-06-10";
const TODAY = new Date("2026-06-08T09:00:00+08:00");
const ASSIGNMENTS = 7500;
/** Left unclaimed: the tick sends these, each in a transaction of its own. */
const UNSENT = 3;

/** Task 9 handed to 7 500 units, all due DUE, all but UNSENT already reminded on an earlier tick. */
async function sevenThousandFiveHundredDue() {
  const p = await buildAssignedPlan(t);
  const tenant = p.tenant.id;
  await db.execute(sql`update assignments set due_date = ${DUE} where id = ${p.assignmentId}`);
  await db.execute(sql`
    insert into units (tenant_id, name, kind, school_type, ownership, township, sort_order)
    select ${tenant}, '催办分片学校' || lpad(i::text, 4, '0'), 'school', 'primary', 'public', '共济街道', 2000 + i
    from generate_series(1, ${ASSIGNMENTS - 1}::int) i`);
  await db.execute(sql`
    insert into assignments (tenant_id, plan_id, node_id, unit_id, role, due_date)
    select ${tenant}, ${p.planId}, ${p.task9.id}, u.id, 'executor', ${DUE}
    from units u where u.tenant_id = ${tenant} and u.name like '催办分片学校%'`);
  await db.execute(sql`
    insert into reminder_log (tenant_id, assignment_id, kind)
    select tenant_id, id, ${`due_soon@${DUE}`} from assignments where tenant_id = ${tenant}
    order by id offset ${UNSENT}`);
  return p;
}

describe("a reminder tick at 7 500 due assignments", () => {
  it(`runs in slices of at most ${REMINDER_SLICE} subjects, and lets the event loop turn between every two`, async () => {
    const p = await sevenThousandFiveHundredDue();
    // A probe that runs on every turn of the event loop: it can only run between two slices if the tick yielded.
    let turns = 0;
    let probing = true;
    const probe = () => {
      turns++;
      if (probing) setImmediate(probe);
    };
    setImmediate(probe);
    const slices: { size: number; turn: number }[] = [];
    const counts = await runReminders({
      database: t.database,
      now: TODAY,
      tenantId: p.tenant.id,
      onSlice: (size) => slices.push({ size, turn: turns }),
    });
    probing = false;
    expect(counts).toEqual({ sent: UNSENT, skipped: ASSIGNMENTS - UNSENT });
    // The rules in 15 slices of 500, one turn after the claims are read, then one per send.
    expect(slices.map((s) => s.size)).toEqual([
      ...Array.from({ length: ASSIGNMENTS / REMINDER_SLICE }, () => REMINDER_SLICE),
      0,
      ...Array.from({ length: UNSENT }, () => 1),
    ]);
    // The probe ran before every slice: no two slices ran in one turn of the event loop.
    for (let i = 1; i < slices.length; i++) expect(slices[i]!.turn).toBeGreaterThan(slices[i - 1]!.turn);
    // Seeding 7 500 units and assignments through their triggers takes a while on PGlite.
  }, 180_000);
});
