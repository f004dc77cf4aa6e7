import type { InstructionEntity } from "@duban/domain";
import { and, count, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import {
  leaderInstructions,
  planNodes,
  rectifications,
  reports,
  supervisionNotices,
  units,
  users,
} from "../../db/schema.js";

/** The unit responsible for each kind of item: a task's lead unit, or the unit the record belongs to. */
const owners = {
  plan_node: { table: planNodes, unitId: planNodes.leadUnitId },
  report: { table: reports, unitId: reports.unitId },
  notice: { table: supervisionNotices, unitId: supervisionNotices.unitId },
  rectification: { table: rectifications, unitId: rectifications.unitId },
} as const;

/** The item's responsible unit: null when the item is not in the tenant, `{ unitId: null }` when it has none. */
export async function findEntityUnit(db: DbOrTx, tenantId: string, entity: InstructionEntity, id: string) {
  const { table, unitId } = owners[entity];
  const [row] = await db
    .select({ unitId })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, id)));
  return row ?? null;
}

/** Inserts an instruction. */
export async function insertInstruction(db: DbOrTx, values: typeof leaderInstructions.$inferInsert) {
  const [row] = await db.insert(leaderInstructions).values(values).returning();
  return row!;
}

/** Instructions with their leader's and unit's names, newest first. */
function selectInstructions(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ instruction: leaderInstructions, leaderName: users.name, unitName: units.name })
    .from(leaderInstructions)
    .innerJoin(users, eq(users.id, leaderInstructions.leaderId))
    .innerJoin(units, eq(units.id, leaderInstructions.unitId))
    .where(where)
    .orderBy(desc(leaderInstructions.createdAt));
}

/** An instruction with its names. */
export type InstructionDetail = Awaited<ReturnType<typeof selectInstructions>>[number];

/** One instruction of the tenant, or null. */
export async function findInstruction(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await selectInstructions(
    db,
    and(eq(leaderInstructions.tenantId, tenantId), eq(leaderInstructions.id, id)),
  );
  return row ?? null;
}

/** The instructions on one item; `unitId` narrows them to one unit's. */
export function findEntityInstructions(
  db: DbOrTx,
  key: { tenantId: string; entity: InstructionEntity; entityId: string; unitId?: string | null },
) {
  return selectInstructions(
    db,
    and(
      eq(leaderInstructions.tenantId, key.tenantId),
      eq(leaderInstructions.entity, key.entity),
      eq(leaderInstructions.entityId, key.entityId),
      key.unitId ? eq(leaderInstructions.unitId, key.unitId) : undefined,
    ),
  );
}

/** A page of one leader's instructions, newest first. */
export async function findLeaderInstructions(
  db: DbOrTx,
  key: { tenantId: string; leaderId: string },
  page: { page: number; pageSize: number },
) {
  const where = and(
    eq(leaderInstructions.tenantId, key.tenantId),
    eq(leaderInstructions.leaderId, key.leaderId),
  );
  const [rows, [total]] = await Promise.all([
    selectInstructions(db, where)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(leaderInstructions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Marks an instruction acknowledged unless it already was; false when someone acknowledged it first. */
export async function acknowledgeInstruction(
  db: DbOrTx,
  key: { tenantId: string; id: string },
  by: { userId: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(leaderInstructions)
    .set({ acknowledgedAt: by.at, acknowledgedBy: by.userId })
    .where(
      and(
        eq(leaderInstructions.tenantId, key.tenantId),
        eq(leaderInstructions.id, key.id),
        isNull(leaderInstructions.acknowledgedAt),
      ),
    )
    .returning({ id: leaderInstructions.id });
  return rows.length > 0;
}

/** The instructions addressed to a unit that it has not acknowledged yet, newest first. */
export function findPendingInstructions(
  db: DbOrTx,
  key: { tenantId: string; unitId: string },
): Promise<InstructionDetail[]> {
  // Named: 我的工作 runs it on every load of a unit's user.
  const name = "instructions_pending";
  return preparedOnce(db, name, () =>
    selectInstructions(
      db,
      and(
        eq(leaderInstructions.tenantId, sql.placeholder("tenantId")),
        eq(leaderInstructions.unitId, sql.placeholder("unitId")),
        isNull(leaderInstructions.acknowledgedAt),
      ),
    ).prepare(name),
  ).execute(key);
}
