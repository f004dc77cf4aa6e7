import type { AssessmentView } from "@duban/domain";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Result,
  Spin,
  Tag,
  type UploadFile,
} from "antd";
import { useState } from "react";
import {
  assessmentsKey,
  createAssessmentAppeal,
  useAssessmentAppeals,
  useAssessmentResults,
} from "../../api/assessments";
import { formatDate, formatDateTime } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { useWrite } from "../../hooks/use-write";
import { EvidenceUpload, fileIdsOf } from "../reports/evidence-upload";
import { AppealStatusTag } from "./appeals-panel";
import { BreakdownView } from "./breakdown-view";
import { formatPoints } from "./points";

/** A school's or department's own published result: score, rank in its category, grade, breakdown and appeal. */
export function OwnResult({ run }: { run: AssessmentView }) {
  const me = useSignedInUser();
  const results = useAssessmentResults(run.id);
  const result = results.data?.[0];
  if (results.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (results.isError) return <Result status="warning" title={results.error.message} />;
  const measure = me.unit?.kind === "school" ? "所" : "个";
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <PageHeader title="我的考评结果" />
      {!result ? (
        <Empty description="本单位未参加这次考评" />
      ) : (
        <>
          <Card size="small" title={`${result.unitName} · ${result.categoryLabel}`}>
            <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
              <Descriptions.Item label="总分">
                <strong>{formatPoints(result.total, false)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label="名次">
                <span>
                  第 {result.rank} 名 / 共 {result.categorySize} {measure}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="等次">
                <Tag color={result.vetoed ? "red" : "blue"}>{result.grade}</Tag>
                {result.gradeNote}
              </Descriptions.Item>
              <Descriptions.Item label="考评基准日">{formatDate(run.asOf)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <BreakdownView result={result} planId={run.planId} />
          <AppealCard run={run} />
        </>
      )}
    </Flex>
  );
}

function AppealCard({ run }: { run: AssessmentView }) {
  const appeals = useAssessmentAppeals(run.id);
  const [form] = Form.useForm<{ reason: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const appeal = useWrite({
    mutationFn: ({ reason }: { reason: string }) =>
      createAssessmentAppeal(run.id, { reason, fileIds: fileIdsOf(files) }),
    success: "申诉已提交，请等待督查室答复",
    refresh: assessmentsKey,
    form,
  });
  const mine = appeals.data?.items[0];
  if (appeals.isPending) return <Spin />;
  if (mine)
    return (
      <Card size="small" title="本单位的申诉" extra={<AppealStatusTag appeal={mine} />}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="申诉理由">{mine.reason}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(mine.createdAt)}</Descriptions.Item>
          {mine.decisionReason && (
            <Descriptions.Item label="督查室答复">{mine.decisionReason}</Descriptions.Item>
          )}
          {mine.decidedAt && (
            <Descriptions.Item label="答复时间">{formatDateTime(mine.decidedAt)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    );
  if (run.abilities.appeal)
    return (
      <Card size="small" title="申诉">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`对考评结果有异议的，请在 ${formatDate(run.appealUntil)} 前提出申诉，每次考评只能申诉一次。`}
        />
        <Form form={form} layout="vertical" onFinish={(values) => appeal.mutate(values)}>
          <Form.Item
            name="reason"
            label="申诉理由"
            rules={[{ required: true, whitespace: true, message: "请填写申诉理由" }]}
          >
            <Input.TextArea aria-label="申诉理由" rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item label="佐证材料">
            <EvidenceUpload value={files} onChange={setFiles} />
          </Form.Item>
          <Popconfirm
            title="提交申诉"
            description="提交后不能修改或再次申诉。确定提交吗？"
            okText="提交"
            cancelText="取消"
            onConfirm={() => form.submit()}
          >
            <Button
              type="primary"
              loading={appeal.isPending}
              disabled={files.some((f) => f.status === "uploading")}
            >
              提交申诉
            </Button>
          </Popconfirm>
        </Form>
      </Card>
    );
  return (
    <Alert
      type="info"
      showIcon
      title={
        run.status === "finalised"
          ? "考评结果已定档。"
          : `申诉期已于 ${formatDate(run.appealUntil)} 截止，本单位未提出申诉。`
      }
    />
  );
}
