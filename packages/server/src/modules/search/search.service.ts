import { type SearchKind, type SearchPage, type SearchQuery, searchKinds, searchScope } from "@duban/domain";
import type { ServiceContext } from "../../http/context.js";
import { countSearchHits, findSearchHits } from "./search.repository.js";

// The same separators as search_words() in the search_sync migration, for finding the snippet's word.
const SEPARATORS = /[\s!-/:-@[-`{-~，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～]+/u;
const SNIPPET_BEFORE = 20;
const SNIPPET_LENGTH = 80;

/** Searches everything the signed-in user may see (each module's read rule, via `searchScope`). */
export async function search(ctx: ServiceContext, query: SearchQuery): Promise<SearchPage> {
  const filter = {
    tenantId: ctx.actor.tenantId,
    scope: searchScope(ctx.actor),
    unitId: ctx.actor.unitId,
    q: query.q,
    kind: query.kind,
  };
  const db = ctx.database.db;
  const [counts, rows] = await Promise.all([countSearchHits(db, filter), findSearchHits(db, filter, query)]);
  const words = query.q.toLowerCase().split(SEPARATORS).filter(Boolean);
  return {
    items: rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      title: row.title,
      snippet: snippetOf(row.body, words),
      link: linkOf(row),
    })),
    total: counts.reduce((sum, c) => sum + c.n, 0),
    page: query.page,
    pageSize: query.pageSize,
    abilities: {},
    counts: Object.fromEntries(
      searchKinds.map((k) => [k, counts.find((c) => c.kind === k)?.n ?? 0]),
    ) as SearchPage["counts"],
  };
}

/** The text around the first word found, with an ellipsis where it was cut. */
export function snippetOf(body: string, words: string[]): string {
  const lower = body.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), body.length);
  const start = at === body.length ? 0 : Math.max(0, at - SNIPPET_BEFORE);
  const end = Math.min(body.length, start + SNIPPET_LENGTH);
  return `${start > 0 ? "…" : ""}${body.slice(start, end)}${end < body.length ? "…" : ""}`;
}

/** The web page that opens a hit: a plan item or report opens its task; the others their own page. */
function linkOf(row: { kind: SearchKind; id: string; planId: string | null; nodeId: string | null }): string {
  switch (row.kind) {
    case "task":
    case "measure":
    case "milestone":
    case "report":
      return `/plans/${row.planId}/tasks/${row.nodeId}`;
    case "notice":
      return `/notices/${row.id}`;
    case "rectification":
      return `/rectifications/${row.id}`;
    case "instruction":
      return `/instructions/${row.id}`;
    case "unit":
      return `/units/${row.id}/work`;
  }
}
