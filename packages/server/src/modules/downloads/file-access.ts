import { canSeeAssignment, canSeeNotice, canSeeRectification } from "@duban/domain";
import { AppError, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { getNode } from "../assignments/index.js";
import {
  type FileAttachment,
  type FileRow,
  findFileAttachments,
  findFilesByIds,
  ownsFile,
} from "../evidence/index.js";

/** Whether the actor may see one record holding the file, by that record's own visibility rule. */
async function canSeeAttachment(ctx: ServiceContext, attachment: FileAttachment): Promise<boolean> {
  switch (attachment.kind) {
    case "report":
      return canSeeAssignment(ctx.actor, attachment);
    case "notice":
      return canSeeNotice(ctx.actor, attachment);
    case "rectification":
      return canSeeRectification(ctx.actor, attachment);
    case "closure":
      // Close-out requests show to whoever may see their task.
      return getNode(ctx, attachment.nodeId).then(
        () => true,
        (err: unknown) => {
          if (err instanceof AppError && err.code === "not_found") return false;
          throw err;
        },
      );
  }
}

/**
 * One file the actor may read, or 404: its uploader and the uploader's unit may, and so may whoever may see
 * a record it is attached to (the school's report is read by the bureau that reviews it).
 */
export async function getReadableFile(ctx: ServiceContext, id: string): Promise<FileRow> {
  const [row] = await findFilesByIds(ctx.database.db, ctx.actor.tenantId, [id]);
  if (!row) throw notFound("文件");
  if (ownsFile(ctx.actor, row)) return row;
  const attachments = await findFileAttachments(ctx.database.db, ctx.actor.tenantId, id);
  for (const attachment of attachments) if (await canSeeAttachment(ctx, attachment)) return row;
  throw notFound("文件");
}
