import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cascadeLinks, tenants, upwardReports } from "../db/schema.js";
import { freshReceived } from "./cascade-fixtures.js";

/** A fresh hand-down from the tenant's superior, already linked to `nodeId`, for a request that reports upward. */
export async function freshLinked(db: Db, tenantId: string, nodeId: string): Promise<string> {
  const id = await freshReceived(db, tenantId);
  await db
    .update(cascadeLinks)
    .set({ status: "linked", nodeId, linkedAt: new Date("2023-06-01T00:00:00Z") })
    .where(eq(cascadeLinks.id, id));
  return id;
}

/**
 * The refusal matrix's upward report: the tenant's report on a linked hand-down of its superior, carrying one of
 * its files, written directly (the matrix needs the record, not the way to it).
 */
export async function buildMatrixUpward(db: Db, tenantId: string, nodeId: string, fileId: string) {
  const link = await freshLinked(db, tenantId, nodeId);
  const [row] = await db
    .insert(upwardReports)
    .values({
      tenantId,
      cascadeLinkId: link,
      version: 1,
      text: "已完成新增公办学位120个",
      progress: 30,
      light: "yellow",
      fileIds: [fileId],
      submittedAt: new Date("2023-06-15T02:00:00Z"),
    })
    .returning({ id: upwardReports.id });
  return row!.id;
}

/** The bureau directly above a tenant. */
export async function superiorOf(db: Db, tenantId: string): Promise<string> {
  const [row] = await db.select({ parentId: tenants.parentId }).from(tenants).where(eq(tenants.id, tenantId));
  return row!.parentId!;
}
