import { DownloadOutlined } from "@ant-design/icons";
import type { AssessmentResultView, AssessmentView } from "@duban/domain";
import { Alert, Button, Card, Descriptions, Empty, Flex, Popconfirm, Result, Spin, Tabs } from "antd";
import { useState } from "react";
import {
  assessmentDocumentUrl,
  assessmentResultsXlsxUrl,
  assessmentsKey,
  finaliseAssessment,
  publishAssessment,
  useAssessmentResults,
} from "../../api/assessments";
import { formatDate, formatDateTime } from "../../components/date-format";
import { NavButton } from "../../components/nav-button";
import { PageHeader } from "../../components/page-header";
import { useWrite } from "../../hooks/use-write";
import { AppealsPanel } from "./appeals-panel";
import { RankingTable } from "./ranking-table";
import { RunStatusTag } from "./runs-panel";
import { UnitDrawer } from "./unit-drawer";

/** The results of each category, in the order the scheme lists them. */
function byCategory(items: AssessmentResultView[]) {
  const groups = new Map<string, { label: string; rows: AssessmentResultView[] }>();
  for (const row of items) {
    const group = groups.get(row.category) ?? { label: row.categoryLabel, rows: [] };
    group.rows.push(row);
    groups.set(row.category, group);
  }
  return [...groups].map(([key, group]) => ({ key, ...group }));
}

/** A run for the 督查室 and leaders: rankings per category, breakdowns, adjustments, publication, appeals. */
export function RunReview({ run }: { run: AssessmentView }) {
  const results = useAssessmentResults(run.id);
  const [openUnit, setOpenUnit] = useState<string | null>(null);
  const publish = useWrite({
    mutationFn: () => publishAssessment(run.id, run.version),
    success: "已发布，各单位可查看结果并在申诉期内申诉",
    refresh: assessmentsKey,
  });
  const finalise = useWrite({
    mutationFn: () => finaliseAssessment(run.id, run.version),
    success: "考评结果已定档",
    refresh: assessmentsKey,
  });
  const groups = byCategory(results.data ?? []);
  const opened = results.data?.find((r) => r.unitId === openUnit);
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={run.final ? "考评结果" : "试评结果"}
        actions={
          <>
            <NavButton to={`/assessments?plan=${run.planId}&tab=runs`}>返回考评批次</NavButton>
            <Button icon={<DownloadOutlined />} href={assessmentResultsXlsxUrl(run.id)} download>
              结果表（Excel）
            </Button>
            <Button icon={<DownloadOutlined />} href={assessmentDocumentUrl(run.id)} download>
              考评结果通报（Word）
            </Button>
            {run.abilities.publish && (
              <Popconfirm
                title="发布考评结果"
                description={`发布后各单位可查看本单位结果，并可在发布后申诉期内申诉。确定发布吗？`}
                okText="发布"
                cancelText="取消"
                onConfirm={() => publish.mutate(undefined)}
              >
                <Button type="primary" loading={publish.isPending}>
                  发布
                </Button>
              </Popconfirm>
            )}
            {run.abilities.finalise && (
              <Popconfirm
                title="定档"
                description="定档后考评结果锁定，不能再调整或申诉。确定定档吗？"
                okText="定档"
                cancelText="取消"
                disabled={run.pendingAppeals > 0}
                onConfirm={() => finalise.mutate(undefined)}
              >
                <Button type="primary" loading={finalise.isPending} disabled={run.pendingAppeals > 0}>
                  {run.pendingAppeals > 0 ? `定档（还有 ${run.pendingAppeals} 件申诉待处理）` : "定档"}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="状态">
            <RunStatusTag run={run} />
          </Descriptions.Item>
          <Descriptions.Item label="考评基准日">{formatDate(run.asOf)}</Descriptions.Item>
          <Descriptions.Item label="参评单位">{run.unitCount}</Descriptions.Item>
          {run.appealUntil && (
            <Descriptions.Item label="申诉截止">{formatDate(run.appealUntil)}</Descriptions.Item>
          )}
          {run.publishedAt && (
            <Descriptions.Item label="发布">{formatDateTime(run.publishedAt)}</Descriptions.Item>
          )}
          {run.finalisedAt && (
            <Descriptions.Item label="定档">{formatDateTime(run.finalisedAt)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {!run.final && (
        <Alert type="info" showIcon title="这是试评：按基准日的数据预览排名，不会发布给各单位。" />
      )}
      {results.isPending ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : results.isError ? (
        <Result status="warning" title={results.error.message} />
      ) : groups.length === 0 ? (
        <Empty description="没有参评单位" />
      ) : (
        <Tabs
          items={groups.map((group) => ({
            key: group.key,
            label: `${group.label}（${group.rows.length}）`,
            children: <RankingTable rows={group.rows} onOpen={(row) => setOpenUnit(row.unitId)} />,
          }))}
        />
      )}
      {run.status !== "draft" && (
        <Card size="small" title={`申诉${run.pendingAppeals > 0 ? `（待处理 ${run.pendingAppeals}）` : ""}`}>
          <AppealsPanel run={run} results={results.data ?? []} />
        </Card>
      )}
      {opened && <UnitDrawer run={run} result={opened} onClose={() => setOpenUnit(null)} />}
    </Flex>
  );
}
