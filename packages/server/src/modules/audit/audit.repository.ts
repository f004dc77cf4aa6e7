import type { AuditAction, AuditEntity, AuditQuery } from "@duban/domain";
import { and, count, desc, eq, getTableColumns, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { auditLogs } from "../../db/schema.js";
import { entityTitleSql } from "./audit-titles.js";

/** One event to record. */
export interface AuditEvent {
  tenantId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  summary?: unknown;
  ip: string | null;
}

const p = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * The audit insert, one shape whatever the event, named so that PostgreSQL parses and plans it once per
 * connection: nearly every write of the application runs it. Values pass as they are (the summary as json text).
 */
function prepareInsertAudit(db: DbOrTx) {
  return db
    .insert(auditLogs)
    .values({
      tenantId: p("tenantId"),
      actorId: p("actorId"),
      actorName: p("actorName"),
      action: p("action"),
      entity: p("entity"),
      entityId: p("entityId"),
      summary: sql`${sql.placeholder("summary")}::jsonb`,
      ip: p("ip"),
    })
    .prepare("insert_audit");
}

/** Appends an audit entry; call it inside the transaction of the write it describes. */
export async function insertAudit(db: DbOrTx, event: AuditEvent): Promise<void> {
  await preparedOnce(db, "insert_audit", () => prepareInsertAudit(db)).execute({
    tenantId: event.tenantId,
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    summary: event.summary === undefined || event.summary === null ? null : JSON.stringify(event.summary),
    ip: event.ip,
  });
}

/** Shanghai calendar date → the UTC instant its day starts. */
function shanghaiDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** Escapes LIKE wildcards in user search text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A filtered page of a tenant's audit entries, newest first, each with the title of the record it names. */
export async function findAuditLogs(db: DbOrTx, tenantId: string, query: AuditQuery) {
  const conditions: SQL[] = [eq(auditLogs.tenantId, tenantId)];
  if (query.actorId) conditions.push(eq(auditLogs.actorId, query.actorId));
  if (query.action) conditions.push(eq(auditLogs.action, query.action));
  if (query.entity) conditions.push(eq(auditLogs.entity, query.entity));
  if (query.from) conditions.push(gte(auditLogs.createdAt, shanghaiDayStart(query.from)));
  if (query.to)
    conditions.push(lt(auditLogs.createdAt, new Date(shanghaiDayStart(query.to).getTime() + 86_400_000)));
  if (query.q) {
    const p = likePattern(query.q);
    conditions.push(
      or(
        ilike(auditLogs.actorName, p),
        ilike(auditLogs.entityId, p),
        ilike(sql`${auditLogs.summary}::text`, p),
      )!,
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(auditLogs), entityTitle: entityTitleSql() })
      .from(auditLogs)
      .where(where)
      .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditLogs).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
