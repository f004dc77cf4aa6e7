import {
  type CascadeLinkStatus,
  type CascadeNoticeStatus,
  cascadeLinkAbilities,
  cascadeLinkPermissions,
  cascadeLinkStatuses,
  cascadeNoticeAbilities,
  cascadeNoticePermissions,
  cascadeNoticeStatuses,
  type HandDownKind,
  type NoticeLevel,
  nextCascadeLinkStatus,
  nextCascadeNoticeStatus,
} from "@duban/domain";
import type { ServiceContext } from "../../http/context.js";
import * as repo from "./cascade.repository.js";
import * as notices from "./cascade-notices.repository.js";
import { handDownKindOf } from "./hand-down-kind.js";

/** A hand-down in the bureau's inbox that its 督查室 has still to 接收（关联）or return. */
export interface HandDownToReceive {
  id: string;
  /** The superior bureau's name. */
  from: string;
  /** The superior's node label ("9.") and the handed-down item's title. */
  label: string | null;
  title: string;
  kind: HandDownKind;
  dueDate: string | null;
  handedAt: string;
}

/** A cross-bureau 督办单 waiting for the actor's bureau: to answer (received) or to decide (issued). */
export interface CascadeNoticeWaiting {
  id: string;
  handDownId: string;
  /** The other bureau: the superior that issued it, or the subordinate that answered it. */
  bureau: string;
  label: string | null;
  title: string;
  level: NoticeLevel;
  reason: string;
  replyDue: string;
  status: CascadeNoticeStatus;
  createdAt: string;
  /** When it last moved: for an issued one waiting for a decision, when the answer came. */
  updatedAt: string;
}

/** What of 上下联动 waits for the actor, each list empty when the actor may not act on its kind. */
export interface CascadeWorkWaiting {
  toReceive: HandDownToReceive[];
  toReply: CascadeNoticeWaiting[];
  toDecide: CascadeNoticeWaiting[];
}

// Undecided hand-downs are those that can still be returned: a returned one was decided on (it may be linked
// later, but waits for no one). The notice states come from the transitions table in the same way.
const undecided = cascadeLinkStatuses.filter((s) =>
  nextCascadeLinkStatus(s, "return"),
) as CascadeLinkStatus[];
const answerable = cascadeNoticeStatuses.filter((s) => nextCascadeNoticeStatus(s, "reply"));
const decidable = cascadeNoticeStatuses.filter((s) => nextCascadeNoticeStatus(s, "accept"));

const toWaiting = ({ side: _, ...n }: notices.WaitingNoticeRow): CascadeNoticeWaiting => ({
  ...n,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});

/**
 * 我的工作's share of 上下联动: hand-downs to 接收 and superiors' 督办单 to answer (the subordinate's 督查室), its
 * counties' answers to accept or return (the superior's 督查室). Each list is read only when the policy lets the
 * actor act on that kind at all, so anyone else runs no statement here; the rows then pass the same abilities
 * the inbox and notice pages send.
 */
export async function findCascadeWorkWaitingFor(ctx: ServiceContext): Promise<CascadeWorkWaiting> {
  const { db } = ctx.database;
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const received = cascadeNoticePermissions(actor, "received");
  const issued = cascadeNoticePermissions(actor, "issued");
  const [links, waiting] = await Promise.all([
    cascadeLinkPermissions(actor).link ? repo.findReceivedIn(db, tenantId, undecided) : [],
    received.reply || issued.decide
      ? notices.findWaitingNotices(db, {
          tenantId,
          received: received.reply ? answerable : [],
          issued: issued.decide ? decidable : [],
        })
      : [],
  ]);
  const toReply = waiting.filter((n) => n.side === "received");
  const toDecide = waiting.filter((n) => n.side === "issued");
  return {
    toReceive: links
      .filter((l) => cascadeLinkAbilities(actor, l).link)
      .map((l) => ({
        id: l.id,
        from: l.from,
        label: l.label,
        title: l.title,
        kind: handDownKindOf(l),
        dueDate: l.dueDate,
        handedAt: l.handedAt.toISOString(),
      })),
    toReply: toReply.filter((n) => cascadeNoticeAbilities(actor, "received", n).reply).map(toWaiting),
    toDecide: toDecide.filter((n) => cascadeNoticeAbilities(actor, "issued", n).decide).map(toWaiting),
  };
}
