import {
  type Bulletin,
  type BulletinVersionInput,
  bulletinPermissions,
  bulletinTransitions,
  notificationLinks,
} from "@duban/domain";
import { AppError, notFound } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { nextDocumentNumber } from "../doc-numbers/index.js";
import { notifyUnit } from "../notifications/index.js";
import { findPlan } from "../plans/index.js";
import * as repo from "./bulletins.repository.js";
import { getBulletin, getBulletinRow, staleMessage } from "./bulletins.service.js";

/** The 文号 series of 督查通报: one sequence per bureau and plan year (瓦教督通〔2023〕3号). */
export const BULLETIN_SERIES = "bulletin" as const;

/**
 * The 督查室 issues a draft: in one transaction it takes the next 文号 of the plan year's series, freezes the
 * text under it, and tells every unit the 通报 names. A failure anywhere undoes all three, so no number is
 * consumed by a 通报 that was not issued.
 */
export async function issueBulletin(
  ctx: ServiceContext,
  id: string,
  input: BulletinVersionInput,
): Promise<Bulletin> {
  const { bulletin } = await getBulletinRow(ctx, id);
  authorize(bulletinPermissions(ctx.actor), "issue", "只有督查室可以印发督查通报");
  transition(bulletinTransitions, bulletin.status, "issue", "该通报已印发，不能重复印发");
  if (bulletin.version !== input.version) throw new AppError("stale_version", staleMessage);
  const tenantId = ctx.actor.tenantId;
  const plan = await findPlan(ctx.database.db, tenantId, bulletin.planId);
  if (!plan) throw notFound("计划");
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const { seq, text: number } = await nextDocumentNumber(tx, {
      tenantId,
      series: BULLETIN_SERIES,
      year: plan.plan.year,
    });
    const issued = await repo.markIssued(
      tx,
      { tenantId, id, version: input.version },
      { number, seq, issuedAt: now, issuedBy: ctx.actor.userId },
    );
    // Someone saved or issued it after we read it: the rollback returns the number to the series.
    if (!issued) throw new AppError("stale_version", staleMessage);
    for (const unitId of bulletin.namedUnitIds)
      await notifyUnit(tx, {
        tenantId,
        unitId,
        kind: "bulletin.issued",
        title: `督查通报（${number}）已印发，贵单位在通报中，请查阅并按要求落实`,
        body: bulletin.title,
        link: notificationLinks.bulletin(id),
        entity: "bulletin",
        entityId: id,
        dedupeKey: `bulletin.issued:${id}`,
        now,
      });
    await audit(ctx, tx, {
      action: "bulletin.issue",
      entity: "bulletin",
      entityId: id,
      summary: { title: bulletin.title, number, units: bulletin.namedUnitIds.length },
    });
  });
  return getBulletin(ctx, id);
}
