import type { UpwardReportBrief } from "@duban/domain";
import type { ServiceContext } from "../../http/context.js";
import * as repo from "./upward-reports.repository.js";

/** Each county link's latest upward report under the superior's hand-downs, for the roll-up. */
export async function findLatestUpwardBriefs(
  ctx: ServiceContext,
  handDownIds: string[],
): Promise<Map<string, UpwardReportBrief>> {
  const rows = await repo.findLatestUpward(ctx.database.db, ctx.actor.tenantId, handDownIds);
  return new Map(
    rows.map(({ report: r }) => [
      r.cascadeLinkId,
      {
        id: r.id,
        version: r.version,
        text: r.text,
        progress: r.progress,
        fileCount: r.fileIds.length,
        submittedAt: r.submittedAt.toISOString(),
      },
    ]),
  );
}
