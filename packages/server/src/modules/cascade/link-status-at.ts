import type { CascadeLinkStatus } from "@duban/domain";

/** The instants of a link that say where it stood on a day. */
export interface LinkInstants {
  createdAt: Date;
  linkedAt: Date | null;
  returnedAt: Date | null;
}

/**
 * Where a link stood at `end` (the end of an earlier day): null before it was handed down, linked by then,
 * returned by then (the return's instant is kept once the link is linked after all, so a link returned and
 * later linked shows returned between the two), else pending.
 */
export function statusAt(link: LinkInstants, end: Date): CascadeLinkStatus | null {
  if (link.createdAt >= end) return null;
  if (link.linkedAt && link.linkedAt < end) return "linked";
  if (link.returnedAt && link.returnedAt < end) return "returned";
  return "pending";
}
