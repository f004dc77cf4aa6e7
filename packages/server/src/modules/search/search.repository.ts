import { type SearchKind, type SearchScope, searchKinds } from "@duban/domain";
import { and, asc, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { plans, searchEntries } from "../../db/schema.js";

/** What one search asks: the tenant, the actor's scope and unit, the words, one kind or all, and the page. */
export interface SearchFilter {
  tenantId: string;
  scope: SearchScope;
  unitId: string | null;
  q: string;
  kind?: SearchKind | undefined;
}

// Kinds that belong to a plan: a draft plan's items are found only by those who may read drafts.
const planKinds: readonly SearchKind[] = ["task", "measure", "milestone", "report"];

/** The entries the actor may see, kind by kind, as one OR of `kind = … [and unit_id = own]`. */
function reachCondition(filter: SearchFilter): SQL {
  const e = searchEntries;
  const visible = searchKinds
    .filter((kind) => !filter.kind || filter.kind === kind)
    .flatMap((kind) => {
      const reach = filter.scope.reach[kind];
      if (reach === "none") return [];
      if (reach === "own") return [and(eq(e.kind, kind), eq(e.unitId, filter.unitId!))!];
      return [eq(e.kind, kind)];
    });
  if (visible.length === 0) return sql`false`;
  const published = filter.scope.draftPlans
    ? sql`true`
    : sql`(${e.planId} is null or exists (select 1 from ${plans} where ${plans.id} = ${e.planId}
        and ${plans.tenantId} = ${e.tenantId} and ${plans.status} <> 'draft'))`;
  return and(or(...visible), or(sql`not ${inArray(e.kind, [...planKinds])}`, published))!;
}

/**
 * Every word of the query must occur in the text: the bigram index narrows the rows (search_query() is NULL
 * for a query of one-character words, which the text check alone then decides), and strpos settles the
 * words exactly, since bigrams found apart do not make the word.
 */
function matchCondition(filter: SearchFilter): SQL {
  const e = searchEntries;
  return and(
    eq(e.tenantId, filter.tenantId),
    sql`(search_query(${filter.q}::text) is null or ${e.grams} @@ search_query(${filter.q}::text))`,
    sql`not exists (select 1 from unnest(search_words(${filter.q}::text)) as w where strpos(lower(${e.body}), w) = 0)`,
    reachCondition(filter),
  )!;
}

/** Hits per kind for the whole query, for the group headers. */
export async function countSearchHits(db: DbOrTx, filter: SearchFilter) {
  const e = searchEntries;
  return db.select({ kind: e.kind, n: count() }).from(e).where(matchCondition(filter)).groupBy(e.kind);
}

/** One page of hits, grouped by kind in the order the results page shows them, then by title. */
export async function findSearchHits(
  db: DbOrTx,
  filter: SearchFilter,
  page: { page: number; pageSize: number },
) {
  const e = searchEntries;
  const kindOrder = sql`array_position(${sql.raw(`array[${searchKinds.map((k) => `'${k}'`).join(",")}]`)}, ${e.kind})`;
  return db
    .select({
      kind: e.kind,
      id: e.entityId,
      planId: e.planId,
      nodeId: e.nodeId,
      title: e.title,
      body: e.body,
    })
    .from(e)
    .where(matchCondition(filter))
    .orderBy(kindOrder, asc(e.title), asc(e.entityId))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}
