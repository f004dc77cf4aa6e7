import { FilePdfOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Flex, Image } from "antd";
import { type FileRef, fileUrl } from "../api/execution";

const isImage = (file: FileRef) => file.mime.startsWith("image/") && file.previewable;
const isPdf = (file: FileRef) => file.mime === "application/pdf";

/** Evidence files: image thumbnails with preview, PDFs opening in a new tab, other files as downloads. */
export function EvidenceList({ files }: { files: FileRef[] }) {
  if (files.length === 0) return null;
  const images = files.filter(isImage);
  const others = files.filter((file) => !isImage(file));
  return (
    <Flex vertical gap={8}>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {images.map((file) => (
              <Image
                key={file.id}
                src={fileUrl(file.id, true)}
                alt={file.filename}
                width={88}
                height={88}
                style={{ objectFit: "cover", borderRadius: 6 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {others.map((file) =>
        isPdf(file) ? (
          <a key={file.id} href={fileUrl(file.id, true)} target="_blank" rel="noreferrer">
            <FilePdfOutlined /> {file.filename}
          </a>
        ) : (
          <a key={file.id} href={fileUrl(file.id)} download={file.filename}>
            <PaperClipOutlined /> {file.filename}
          </a>
        ),
      )}
    </Flex>
  );
}
