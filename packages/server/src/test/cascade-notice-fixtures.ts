import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cascadeLinks, cascadeNoticeEvents, cascadeNotices } from "../db/schema.js";
import type { TestSession } from "./session.js";

/** Fails a fixture step with the answer that broke it. */
function created<T = { id: string }>(res: { statusCode: number; body: string }, expected = 201): T {
  if (res.statusCode !== expected) throw new Error(`fixture step failed: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Issues a yellow 督办单 on a hand-down to a subordinate through the API. */
export async function issueNotice(
  supervisor: TestSession,
  handDown: string,
  tenantId: string,
  replyDue = "2099-12-31",
): Promise<{ id: string; version: number }> {
  return created(
    await supervisor.post(`/api/hand-downs/${handDown}/notices`, {
      tenantId,
      level: "yellow",
      reason: "进展滞后于序时进度，请说明原因并报送整改措施",
      replyDue,
    }),
  );
}

/**
 * The matrix tenant's 上级督办 records: a notice it issued to its subordinate on its hand-down (open), and a notice
 * its superior issued to it on the item in its inbox (open), the superior's side written directly.
 */
export async function buildMatrixCascadeNotices(
  db: Db,
  supervisor: TestSession,
  cascade: { subordinate: string; handDown: string; received: string },
): Promise<{ handDownNotice: string; receivedNotice: string }> {
  const handDownNotice = (await issueNotice(supervisor, cascade.handDown, cascade.subordinate)).id;
  return { handDownNotice, receivedNotice: await freshReceivedNotice(db, cascade.received) };
}

/** An open notice from the superior on an item in the tenant's inbox（its link row）, written on the superior's side. */
export async function freshReceivedNotice(db: Db, linkId: string): Promise<string> {
  const [link] = await db.select().from(cascadeLinks).where(eq(cascadeLinks.id, linkId));
  const [notice] = await db
    .insert(cascadeNotices)
    .values({
      tenantId: link!.fromTenantId,
      handDownId: link!.handDownId,
      toTenantId: link!.tenantId,
      linkId,
      level: "red",
      reason: "逾期未完成，请立即整改",
      replyDue: "2099-12-31",
    })
    .returning({ id: cascadeNotices.id });
  await db.insert(cascadeNoticeEvents).values({
    tenantId: link!.fromTenantId,
    noticeId: notice!.id,
    action: "issue",
    text: "逾期未完成，请立即整改",
  });
  return notice!.id;
}
