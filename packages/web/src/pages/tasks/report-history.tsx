import type { Indicator } from "@duban/domain";
import { Alert, Empty, Flex, Pagination, Skeleton } from "antd";
import { useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { useNodeReports, useReport } from "../../api/execution";
import { useTablePaging } from "../../hooks/use-table-paging";
import { ReportCard } from "./report-card";

/** The report a link names in its hash (`#report-<id>`), as 审核 from 我的工作 sends it; null otherwise. */
export function focusedReportId(hash: string): string | null {
  const match = /^#report-([0-9a-f-]{36})$/i.exec(hash);
  return match ? match[1]! : null;
}

/**
 * A task's 填报记录: one page of every unit's reports at a time, newest cycle first. A report named in the
 * link's hash is fetched on its own, shown first and highlighted, and scrolled to once it has rendered —
 * wherever it falls in the pages.
 */
export function ReportHistory({ nodeId, indicators }: { nodeId: string; indicators: Indicator[] }) {
  const focusId = focusedReportId(useLocation().hash);
  const { paging, pagination } = useTablePaging();
  const page = useNodeReports(nodeId, paging);
  const focused = useReport(focusId);
  const focusedCard = useRef<HTMLDivElement>(null);
  const scrolled = useRef<string | null>(null);
  const ready = !page.isPending && focused.data;
  useEffect(() => {
    // Scroll when the card is on the page, not when the page first renders: the report and the page of
    // reports arrive after the hash, in either order, and the card is drawn only once both have.
    if (!ready || !focusedCard.current || scrolled.current === ready.id) return;
    scrolled.current = ready.id;
    focusedCard.current.scrollIntoView({ block: "start" });
  }, [ready]);

  if (page.isPending || (focusId && focused.isPending))
    return (
      <div role="status" aria-busy="true" aria-label="正在加载填报记录">
        <Skeleton active />
      </div>
    );
  if (page.isError) return <Alert type="warning" showIcon title={page.error.message} />;
  const others = page.data.items.filter((r) => r.id !== focused.data?.id);
  if (!focused.data && page.data.total === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无填报" />;
  const pager = pagination(page.data.total);
  return (
    <Flex vertical gap={12}>
      {focused.isError && <Alert type="warning" showIcon title={focused.error.message} />}
      {focused.data && (
        <div ref={focusedCard} style={{ scrollMarginTop: 16 }}>
          <ReportCard report={focused.data} indicators={indicators} highlighted />
        </div>
      )}
      {others.map((report) => (
        <ReportCard key={report.id} report={report} indicators={indicators} />
      ))}
      {page.data.total > paging.pageSize && (
        <Pagination
          align="end"
          current={pager.current}
          pageSize={pager.pageSize}
          total={pager.total}
          showSizeChanger={pager.showSizeChanger}
          simple={pager.simple}
          showTotal={pager.showTotal}
          onChange={pager.onChange}
        />
      )}
    </Flex>
  );
}
