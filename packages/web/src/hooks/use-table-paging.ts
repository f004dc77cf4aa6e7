import type { TablePaginationConfig } from "antd";
import { useState } from "react";
import { defaultPaging, type Paging } from "../api/paging";
import { useIsMobile } from "./use-is-mobile";

/** Server paging of a table: the current page, and antd pagination props for a total. */
export function useTablePaging() {
  const [paging, setPaging] = useState<Paging>(defaultPaging);
  const isMobile = useIsMobile();
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: !isMobile,
    simple: isMobile,
    showTotal: (count) => `共 ${count} 条`,
    onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  });
  /** Back to the first page, e.g. when a filter changes. */
  const resetPage = () => setPaging((current) => ({ ...current, page: 1 }));
  return { paging, pagination, resetPage };
}
