import { InboxOutlined } from "@ant-design/icons";
import type { PlanImport } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, Spin, Tabs, Typography, Upload } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { pastePlanText, planImportsKey, uploadPlanFile } from "../../api/plans";
import { PageHeader } from "../../components/page-header";

const accept =
  ".docx,.xlsx,.pdf,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/pdf,text/plain";

/** 新建计划 (`/plans/new`): upload the 工作要点 or paste its text; the parsed draft opens for review. */
export function NewPlanPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const onSuccess = (created: PlanImport) => {
    void queryClient.invalidateQueries({ queryKey: planImportsKey });
    navigate(`/plan-imports/${created.id}`);
  };
  const upload = useMutation({ mutationFn: uploadPlanFile, onSuccess });
  const paste = useMutation({ mutationFn: pastePlanText, onSuccess });

  const uploadTab = (
    <Spin spinning={upload.isPending} description="正在上传并识别，请稍候…">
      <Flex vertical gap={12}>
        <Upload.Dragger
          accept={accept}
          maxCount={1}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽工作要点文件到此处</p>
          <p className="ant-upload-hint">
            支持 .docx、.xlsx（任务分解表）、.pdf、.txt，不超过 20 MB；扫描件请先转成文字
          </p>
        </Upload.Dragger>
        {upload.isPending && upload.variables && (
          <Typography.Text type="secondary">正在识别：{upload.variables.name}</Typography.Text>
        )}
        {upload.isError && <Alert type="error" showIcon title={upload.error.message} />}
      </Flex>
    </Spin>
  );

  const pasteTab = (
    <Flex vertical gap={12}>
      <Input.TextArea
        aria-label="工作要点全文"
        placeholder="把工作要点全文粘贴到这里（含标题和各级编号）"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 24 }}
      />
      {paste.isError && <Alert type="error" showIcon title={paste.error.message} />}
      <div>
        <Button
          type="primary"
          loading={paste.isPending}
          disabled={!text.trim()}
          onClick={() => paste.mutate(text)}
        >
          识别
        </Button>
      </div>
    </Flex>
  );

  return (
    <>
      <PageHeader title="新建计划" />
      <Card>
        <Typography.Paragraph type="secondary">
          上传或粘贴本年度工作要点，系统将识别出各部分、重点任务、措施、量化指标和时间节点，审核无误后发布。
        </Typography.Paragraph>
        <Tabs
          items={[
            { key: "upload", label: "上传文件", children: uploadTab },
            { key: "paste", label: "粘贴文本", children: pasteTab },
          ]}
        />
      </Card>
    </>
  );
}
