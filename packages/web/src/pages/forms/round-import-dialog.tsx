import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { formsKey, importRound, roundTemplateUrl } from "../../api/forms";
import { computedKey } from "../../api/indicator-formulas";
import { plansKey } from "../../api/plans";

/** One refused cell or row of an uploaded template. */
export interface ImportIssue {
  /** The Excel row; null for a problem of the whole file (e.g. a changed template). */
  row: number | null;
  field: string | null;
  message: string;
}

/** The row-level problems of a refused upload, from the error's `details`. */
export function importIssues(error: unknown): ImportIssue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as Partial<ImportIssue>[])
    .filter((d) => typeof d.message === "string")
    .map((d) => ({
      row: typeof d.row === "number" ? d.row : null,
      field: d.field ?? null,
      message: d.message ?? "",
    }));
}

/**
 * Excel 导入 of a round: download the template (one row per unit), fill it, upload it back. Nothing is saved if
 * any row is wrong; each problem is listed with its row and field.
 */
export function RoundImportDialog({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (picked: File) => importRound(roundId, picked),
    onSuccess: (result) => {
      message.success(`导入成功，共导入 ${result.imported} 个单位的数据`);
      for (const key of [formsKey, computedKey, plansKey])
        void queryClient.invalidateQueries({ queryKey: key });
      onClose();
    },
  });
  const issues = importIssues(upload.error);
  return (
    <Modal
      open
      title="Excel 导入填报数据"
      okText="开始导入"
      cancelText="取消"
      okButtonProps={{ disabled: !file }}
      confirmLoading={upload.isPending}
      onOk={() => file && upload.mutate(file)}
      onCancel={onClose}
      width={680}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          请先下载模板（每个填报单位一行，表头不可修改），填好后上传。只要有一行有误，整个文件都不会导入。
        </Typography.Paragraph>
        <div>
          <Button icon={<DownloadOutlined />} href={roundTemplateUrl(roundId)} download>
            下载模板
          </Button>
        </div>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          fileList={file ? [{ uid: "file", name: file.name, status: "done" }] : []}
          beforeUpload={(picked) => {
            setFile(picked);
            upload.reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            upload.reset();
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入填好的 .xlsx 文件</p>
        </Upload.Dragger>
        {upload.error && (
          <Alert
            type="error"
            showIcon
            title={upload.error.message}
            description={issues.length > 0 ? `共 ${issues.length} 处问题，改正后重新上传：` : undefined}
          />
        )}
        {issues.length > 0 && (
          <Table
            size="small"
            aria-label="导入问题"
            rowKey={(i) => `${i.row}-${i.field ?? ""}-${i.message}`}
            dataSource={issues}
            pagination={issues.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: "行", dataIndex: "row", width: 60, render: (r: number | null) => r ?? "整个文件" },
              { title: "字段", dataIndex: "field", width: 140, render: (f: string | null) => f ?? "—" },
              { title: "问题", dataIndex: "message" },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}
