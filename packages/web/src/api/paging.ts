import type { Page } from "@duban/domain";

/** A page of a list as the API answers it, with what the user may do with the collection. */
export interface ListPage<T> extends Page<T> {
  abilities?: Record<string, boolean>;
}

/** Paging state of a table. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** Default paging of admin tables. */
export const defaultPaging: Paging = { page: 1, pageSize: 20 };
