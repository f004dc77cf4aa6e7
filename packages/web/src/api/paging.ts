import { limits, type Page } from "@duban/domain";
import { apiRequest, type RequestOptions } from "./client";

/** Paging state of a table. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** The filters of a list: its query without the paging, as a page's filter form holds them. */
export type FiltersOf<Query> = Omit<Query, "page" | "pageSize">;

/** Default paging of admin tables. */
export const defaultPaging: Paging = { page: 1, pageSize: 20 };

/**
 * Every item of a list that a form or panel needs whole (the units of a select, a task's assignments): the
 * first page at the largest page size, then the rest of the pages together.
 */
export async function fetchAllItems<T>(path: string, options: RequestOptions = {}): Promise<T[]> {
  const pageSize = limits.pageSizeMax;
  const fetchPage = (page: number) =>
    apiRequest<Page<T, unknown>>(path, { ...options, query: { ...options.query, page, pageSize } });
  const first = await fetchPage(1);
  const more = Math.max(0, Math.ceil(first.total / pageSize) - 1);
  const rest = await Promise.all(Array.from({ length: more }, (_, i) => fetchPage(i + 2)));
  return [first, ...rest].flatMap((p) => p.items);
}
