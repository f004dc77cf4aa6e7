import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { limits } from "@duban/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../api/client";
import type { ImportResult } from "../api/units";

/** One rejected row of an import file. */
interface RowError {
  row: number;
  reason: string;
}

function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof ApiError)) return [];
  const rows = (error.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as RowError[]) : [];
}

/** Props of the Excel import dialog. */
export interface ImportDialogProps {
  open: boolean;
  title: string;
  templateUrl: string;
  onImport: (file: File) => Promise<ImportResult>;
  onClose: () => void;
  onImported: () => void;
}

/** Excel import: download the template, upload an .xlsx, see every bad row or how many were imported. */
export function ImportDialog({ open, title, templateUrl, onImport, onClose, onImported }: ImportDialogProps) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const mutation = useMutation({
    mutationFn: onImport,
    onSuccess: (result) => {
      message.success(`导入成功，共导入 ${result.imported} 条`);
      onImported();
      close();
    },
  });
  const rowErrors = rowErrorsOf(mutation.error);

  function close() {
    setFile(null);
    mutation.reset();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      okText="开始导入"
      okButtonProps={{ disabled: !file }}
      confirmLoading={mutation.isPending}
      onOk={() => file && mutation.mutate(file)}
      width={640}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          请先下载模板，按模板填写后上传（.xlsx，不超过 {limits.importFileBytes / 1024 / 1024} MB）。
          只要有一行有误，整个文件都不会导入。
        </Typography.Paragraph>
        <div>
          <Button icon={<DownloadOutlined />} href={templateUrl} download>
            下载模板
          </Button>
        </div>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          fileList={file ? [{ uid: "file", name: file.name, status: "done" }] : []}
          beforeUpload={(picked) => {
            setFile(picked);
            mutation.reset();
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽 Excel 文件到此处</p>
        </Upload.Dragger>
        {mutation.isError && rowErrors.length === 0 && (
          <Alert type="error" showIcon title={mutation.error.message} />
        )}
        {rowErrors.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              title={`有 ${rowErrors.length} 行有误，未导入任何数据，请修改后重新上传`}
            />
            <Table<RowError>
              size="small"
              rowKey={(record) => `${record.row}-${record.reason}`}
              dataSource={rowErrors}
              pagination={rowErrors.length > 10 ? { pageSize: 10, size: "small" } : false}
              columns={[
                { title: "行号", dataIndex: "row", width: 80 },
                { title: "原因", dataIndex: "reason" },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
