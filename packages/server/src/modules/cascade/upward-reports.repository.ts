import { and, asc, count, desc, eq, gt, inArray, max, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import { cascadeLinks, handDowns, tenants, upwardReports } from "../../db/schema.js";

/** An upward report row. */
export type UpwardReportRow = typeof upwardReports.$inferSelect;

/** The upward reports a bureau sent on one of its links, newest first. */
export async function findLinkUpwardReports(db: DbOrTx, tenantId: string, linkId: string) {
  return db
    .select()
    .from(upwardReports)
    .where(and(eq(upwardReports.tenantId, tenantId), eq(upwardReports.cascadeLinkId, linkId)))
    .orderBy(desc(upwardReports.version));
}

/** The latest upward report's version on a link, 0 when none was sent. */
export async function findLatestVersion(db: DbOrTx, tenantId: string, linkId: string): Promise<number> {
  const [row] = await db
    .select({ v: max(upwardReports.version) })
    .from(upwardReports)
    .where(and(eq(upwardReports.tenantId, tenantId), eq(upwardReports.cascadeLinkId, linkId)));
  return Number(row?.v ?? 0);
}

/** Inserts an upward report; null when another with the same version got there first. */
export async function insertUpwardReport(
  db: DbOrTx,
  values: typeof upwardReports.$inferInsert,
): Promise<UpwardReportRow | null> {
  const [row] = await db.insert(upwardReports).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

// The superior's reads start from its own hand-downs and reach the counties' reports through the link table only.
const superiorColumns = { report: upwardReports, tenant: { id: tenants.id, name: tenants.name } };

function fromSuperior(db: DbOrTx) {
  return db
    .select(superiorColumns)
    .from(handDowns)
    .innerJoin(cascadeLinks, eq(cascadeLinks.handDownId, handDowns.id))
    .innerJoin(upwardReports, eq(upwardReports.cascadeLinkId, cascadeLinks.id))
    .innerJoin(tenants, eq(tenants.id, upwardReports.tenantId));
}

/** A report as the superior reads it, with the county that sent it. */
export type SuperiorUpwardRow = Awaited<ReturnType<ReturnType<typeof fromSuperior>["where"]>>[number];

/** A page of the counties' upward reports on one of the superior's hand-downs, newest first. */
export async function findHandDownUpwardPage(
  db: DbOrTx,
  tenantId: string,
  filter: { handDownId: string; countyId?: string | undefined; page: number; pageSize: number },
) {
  const where = and(
    eq(handDowns.tenantId, tenantId),
    eq(handDowns.id, filter.handDownId),
    filter.countyId ? eq(cascadeLinks.tenantId, filter.countyId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    fromSuperior(db)
      .where(where)
      .orderBy(desc(upwardReports.submittedAt), asc(tenants.name), desc(upwardReports.version))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: count() })
      .from(handDowns)
      .innerJoin(cascadeLinks, eq(cascadeLinks.handDownId, handDowns.id))
      .innerJoin(upwardReports, eq(upwardReports.cascadeLinkId, cascadeLinks.id))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Each county's latest upward report on the superior's hand-downs, for the roll-up. */
export async function findLatestUpward(db: DbOrTx, tenantId: string, handDownIds: string[]) {
  if (handDownIds.length === 0) return [];
  const newer = alias(upwardReports, "newer");
  return fromSuperior(db).where(
    and(
      eq(handDowns.tenantId, tenantId),
      inArray(handDowns.id, handDownIds),
      // The latest of each link: no report of the same link with a higher version.
      notExists(
        db
          .select({ one: sql`1` })
          .from(newer)
          .where(and(eq(newer.cascadeLinkId, cascadeLinks.id), gt(newer.version, upwardReports.version))),
      ),
    ),
  );
}

/** An upward report the superior reaches from its own hand-down. */
export async function findUpwardForSuperior(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await fromSuperior(db).where(and(eq(handDowns.tenantId, tenantId), eq(upwardReports.id, id)));
  return row ?? null;
}

/** An upward report of the bureau that sent it. */
export async function findOwnUpward(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(upwardReports)
    .where(and(eq(upwardReports.tenantId, tenantId), eq(upwardReports.id, id)));
  return row ?? null;
}
