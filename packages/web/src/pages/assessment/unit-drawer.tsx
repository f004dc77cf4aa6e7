import type { AssessmentResultView, AssessmentView } from "@duban/domain";
import { Button, Card, Descriptions, Drawer, Empty, Flex, Form, List, Tag, Typography } from "antd";
import { assessmentsKey, createAssessmentAdjustment, useAssessmentAdjustments } from "../../api/assessments";
import { formatDateTime } from "../../components/date-format";
import { useIsMobile } from "../../hooks/use-is-mobile";
import { useWrite } from "../../hooks/use-write";
import { AdjustmentFields } from "./adjustment-fields";
import { BreakdownView } from "./breakdown-view";
import { formatPoints } from "./points";

interface AdjustmentValues {
  itemKey: string;
  points: number;
  reason: string;
}

/** One unit's result in review: the explained breakdown, the adjustments so far and (in a draft) 调整分值. */
export function UnitDrawer({
  run,
  result,
  onClose,
}: {
  run: AssessmentView;
  result: AssessmentResultView;
  onClose: () => void;
}) {
  const isMobile = useIsMobile();
  const [form] = Form.useForm<AdjustmentValues>();
  const adjustments = useAssessmentAdjustments(run.id);
  const own = (adjustments.data ?? []).filter((a) => a.unitId === result.unitId);
  const itemLabel = (key: string) => result.breakdown.find((item) => item.itemKey === key)?.item ?? key;
  const adjust = useWrite({
    mutationFn: (values: AdjustmentValues) =>
      createAssessmentAdjustment(run.id, { ...values, unitId: result.unitId, version: run.version }),
    success: "已调整，排名已重新计算",
    refresh: assessmentsKey,
    form,
    onDone: () => form.resetFields(),
  });
  return (
    <Drawer open title={result.unitName} width={isMobile ? "100%" : 640} onClose={onClose}>
      <Flex vertical gap={16}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="总分">{formatPoints(result.total, false)}</Descriptions.Item>
          <Descriptions.Item label="名次">
            第 {result.rank} 名 / 共 {result.categorySize} 个
          </Descriptions.Item>
          <Descriptions.Item label="等次">
            <Tag color={result.vetoed ? "red" : "blue"}>{result.grade}</Tag>
            {result.gradeNote}
          </Descriptions.Item>
        </Descriptions>
        <BreakdownView result={result} planId={run.planId} />
        <Card size="small" title="分值调整">
          {own.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无调整" />
          ) : (
            <List
              size="small"
              dataSource={own}
              renderItem={(a) => (
                <List.Item>
                  <Flex vertical>
                    <span>
                      {itemLabel(a.itemKey)} {formatPoints(a.points)} 分
                      {a.source === "appeal" && <Tag style={{ marginInlineStart: 8 }}>申诉采纳</Tag>}
                    </span>
                    <Typography.Text type="secondary">
                      {a.reason}（{formatDateTime(a.createdAt)}）
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
          {run.abilities.adjust && (
            <Form<AdjustmentValues>
              form={form}
              layout="vertical"
              style={{ marginTop: 12 }}
              onFinish={(values) => adjust.mutate(values)}
            >
              <AdjustmentFields result={result} />
              <Button htmlType="submit" type="primary" loading={adjust.isPending}>
                调整分值
              </Button>
            </Form>
          )}
        </Card>
      </Flex>
    </Drawer>
  );
}
