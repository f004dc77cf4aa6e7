import { shanghaiDate } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { nextDocumentNumber } from "../doc-numbers/index.js";
import * as repo from "./notices.repository.js";

/**
 * Gives a notice just inserted in `tx` the next 文号 of its tenant's "notice" series for the Shanghai year of `now`.
 * Numbered after the insert, so an automatic notice another process raised first takes no number.
 */
export async function numberNotice(tx: DbOrTx, notice: repo.NoticeRow, now: Date): Promise<string> {
  const year = Number(shanghaiDate(now).slice(0, 4));
  const { text } = await nextDocumentNumber(tx, { tenantId: notice.tenantId, series: "notice", year });
  await repo.setNoticeNumber(tx, { tenantId: notice.tenantId, id: notice.id }, text);
  return text;
}
