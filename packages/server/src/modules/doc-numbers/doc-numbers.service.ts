import {
  canSeeDocumentNumbers,
  type DocumentNumberSettings,
  type DocumentNumberSettingsUpdateInput,
  type DocumentSeries,
  defaultDocumentNumberPrefixes,
  documentNumberAbilities,
  documentSeries,
  documentSeriesLabels,
  formatDocumentNumber,
  shanghaiDate,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import * as repo from "./doc-numbers.repository.js";

/** A 文号 just given: its number in the series and year, and its text (督办〔2023〕12号). */
export interface DocumentNumber {
  seq: number;
  text: string;
}

/** Each series' prefix for the tenant: its own where set, else the default from its name. */
async function prefixesOf(db: DbOrTx, tenantId: string) {
  const { prefixes: own } = await repo.findPrefixes(db, tenantId);
  // The tenant's name is read only when a default is needed.
  const defaults =
    own.size === documentSeries.length
      ? null
      : defaultDocumentNumberPrefixes(await repo.findTenantName(db, tenantId));
  return new Map(
    documentSeries.map((s) => [s, { prefix: own.get(s) ?? defaults![s], isDefault: !own.has(s) }]),
  );
}

/**
 * Gives the next 文号 of a tenant's series and year, inside the caller's transaction `tx`: concurrent callers get
 * distinct consecutive numbers, and a rolled-back caller's number is given again, so the series has no gaps.
 */
export async function nextDocumentNumber(
  tx: DbOrTx,
  input: { tenantId: string; series: DocumentSeries; year: number },
): Promise<DocumentNumber> {
  const seq = await repo.takeSequence(tx, input);
  const prefix = (await prefixesOf(tx, input.tenantId)).get(input.series)!.prefix;
  return { seq, text: formatDocumentNumber(prefix, input.year, seq) };
}

/** Who issues a tenant's 督查 documents: the bureau (瓦房店市教育局) and its office (瓦房店市教育局督查室). */
export async function findDocumentIssuer(
  db: DbOrTx,
  tenantId: string,
): Promise<{ bureau: string; office: string }> {
  const bureau = await repo.findTenantName(db, tenantId);
  return { bureau, office: `${bureau}督查室` };
}

/** The tenant's 文号 settings as the 督查室 sees them. */
export async function getDocumentNumberSettings(ctx: ServiceContext): Promise<DocumentNumberSettings> {
  if (!canSeeDocumentNumbers(ctx.actor))
    throw new AppError("forbidden", "只有督查室、局领导和管理员可以查看文号设置");
  const prefixes = await prefixesOf(ctx.database.db, ctx.actor.tenantId);
  const { version } = await repo.findPrefixes(ctx.database.db, ctx.actor.tenantId);
  const year = Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  return {
    series: documentSeries.map((series) => {
      const p = prefixes.get(series)!;
      const example = formatDocumentNumber(p.prefix, year, 1);
      return {
        series,
        label: documentSeriesLabels[series],
        prefix: p.prefix,
        isDefault: p.isDefault,
        example,
      };
    }),
    version,
    abilities: documentNumberAbilities(ctx.actor),
  };
}

/**
 * Sets the prefixes of the tenant's series, unless they were saved since the version the 督查室 read (409); numbers
 * already given keep the prefix they were given with.
 */
export async function updateDocumentNumberSettings(
  ctx: ServiceContext,
  input: DocumentNumberSettingsUpdateInput,
): Promise<DocumentNumberSettings> {
  authorize(documentNumberAbilities(ctx.actor), "update");
  const { tenantId } = ctx.actor;
  await ctx.database.db.transaction(async (tx) => {
    await repo.lockTenantPrefixes(tx, tenantId);
    if ((await repo.findPrefixes(tx, tenantId)).version !== input.version) throw staleVersion();
    for (const series of documentSeries)
      await repo.savePrefix(tx, { tenantId, series, prefix: input[series], now: ctx.clock.now() });
    await audit(ctx, tx, {
      action: "document_numbers.update",
      entity: "tenant",
      entityId: tenantId,
      summary: { bulletin: input.bulletin, notice: input.notice },
    });
  });
  return getDocumentNumberSettings(ctx);
}
