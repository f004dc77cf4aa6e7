import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Upload, type UploadFile } from "antd";
import { type FileRef, fileUrl, uploadEvidence } from "../../api/execution";

/** An upload list entry of a stored evidence file. */
export function uploadFileOf(file: FileRef): UploadFile {
  const url = fileUrl(file.id, true);
  return {
    uid: file.id,
    name: file.filename,
    status: "done",
    url,
    thumbUrl: file.mime.startsWith("image/") ? url : undefined,
    response: file,
  };
}

/** The ids of the files that finished uploading. */
export function fileIdsOf(files: UploadFile[]): string[] {
  return files.flatMap((f) => (f.status === "done" && f.response ? [(f.response as FileRef).id] : []));
}

/**
 * 上传佐证材料: photos (camera or gallery on phones — `capture` is not forced), PDF, Word, Excel. Each file goes
 * to POST /api/files through the API client, which adds the CSRF header.
 */
export function EvidenceUpload({
  value,
  onChange,
  disabled,
}: {
  value: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  return (
    <Upload
      accept="image/*,.pdf,.docx,.xlsx"
      multiple
      listType="picture"
      fileList={value}
      disabled={disabled}
      customRequest={({ file, onSuccess, onError }) => {
        uploadEvidence(file as File)
          .then((stored) => onSuccess?.(stored))
          .catch((error: Error) => {
            message.error(error.message);
            onError?.(error);
          });
      }}
      onChange={({ file, fileList }) => {
        const next = fileList
          .filter((f) => f.status !== "error")
          .map((f) =>
            f.uid === file.uid && f.status === "done"
              ? { ...f, ...uploadFileOf(f.response as FileRef), uid: f.uid }
              : f,
          );
        onChange(next);
      }}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        上传佐证材料
      </Button>
    </Upload>
  );
}
