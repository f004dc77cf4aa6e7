import { shanghaiDate } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import type { Config } from "../../env.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../../http/context.js";
import * as repo from "./evidence.repository.js";

/** The owner whose quota an actor's uploads count against: the unit, or a unit-less user alone. */
export function uploadOwnerOf(actor: Actor): repo.UploadOwner {
  return actor.unitId
    ? { tenantId: actor.tenantId, unitId: actor.unitId }
    : { tenantId: actor.tenantId, userId: actor.userId };
}

/** Megabytes for a message, one decimal when small. */
function mb(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1);
}

/** The instants an upload at `now` counts the owner's files from: the quota's window and the Shanghai day. */
export function quotaPeriod(now: Date, quota: Config["uploadQuota"]) {
  // Shanghai has no daylight saving: its day starts at 00:00+08:00.
  return {
    windowStart: new Date(now.getTime() - quota.windowMs),
    dayStart: new Date(`${shanghaiDate(now)}T00:00:00+08:00`),
  };
}

/**
 * The refusal of an upload of `size` bytes at `now`, given the owner's usage, or null: the owner already uploaded
 * the window's worth of files (429) or the file would take the owner's bytes of this Shanghai calendar day past the
 * daily quota (413). A size of 0 asks whether the day's bytes are used up already (a check before the file is read).
 * The same rule decides in SQL, under the owner's lock (`record_evidence_upload`).
 */
export function quotaRefusal(
  owner: repo.UploadOwner,
  usage: repo.UploadUsage,
  options: { size: number; now: Date; quota: Config["uploadQuota"] },
): AppError | null {
  const { size, now, quota } = options;
  const who = "unitId" in owner ? "本单位" : "您";
  const minutes = Math.round(quota.windowMs / 60_000);
  if (usage.count >= quota.files) {
    // The oldest upload in the window leaves it first; until then the next upload would be refused again.
    const waitMs = (usage.oldest?.getTime() ?? now.getTime()) + quota.windowMs - now.getTime();
    const waitMinutes = Math.max(1, Math.ceil(waitMs / 60_000));
    return new AppError(
      "upload_rate_limited",
      `上传过于频繁：${who}在 ${minutes} 分钟内最多上传 ${quota.files} 个文件，请 ${waitMinutes} 分钟后再试`,
      {
        limit: quota.files,
        windowMinutes: minutes,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      },
    );
  }
  const used = usage.bytes;
  if (used + size > quota.dailyBytes || used >= quota.dailyBytes)
    return new AppError(
      "upload_quota_exceeded",
      `今日上传已达上限：${who}每天最多上传 ${mb(quota.dailyBytes)} MB，今天已上传 ${mb(used)} MB，` +
        (size > 0 ? `此文件 ${mb(size)} MB 放不下。请压缩文件后再传，或明天再传` : "请明天再传"),
      { dailyBytes: quota.dailyBytes, usedBytes: used, fileBytes: size },
    );
  return null;
}

/** Refuses an upload the owner's usage read now already rules out (`quotaRefusal`). */
export async function assertUploadQuota(
  db: DbOrTx,
  options: { owner: repo.UploadOwner; size: number; now: Date; quota: Config["uploadQuota"] },
): Promise<void> {
  const { windowStart, dayStart } = quotaPeriod(options.now, options.quota);
  const usage = await repo.uploadUsage(db, options.owner, windowStart, dayStart);
  const refusal = quotaRefusal(options.owner, usage, options);
  if (refusal) throw refusal;
}
