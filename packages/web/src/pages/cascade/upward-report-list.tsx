import type { UpwardReport } from "@duban/domain";
import { Card, Empty, Flex, Space, Typography } from "antd";
import { upwardFileUrl } from "../../api/cascade-upward";
import { formatDateTime } from "../../components/date-format";
import { LightTag } from "../../components/light-tag";

/** Upward reports, newest first: what each county wrote, its progress then, and the files it attached. */
export function UpwardReportList({
  reports,
  empty,
  showCounty = false,
}: {
  reports: UpwardReport[];
  empty: string;
  showCounty?: boolean;
}) {
  if (reports.length === 0) return <Empty description={empty} />;
  return (
    <Flex vertical gap={12}>
      {reports.map((r) => (
        <Card key={r.id} size="small">
          <Flex vertical gap={4}>
            <Space wrap>
              {showCounty && <b>{r.tenant.name}</b>}
              <Typography.Text type="secondary">{`第${r.version}次报送 · ${formatDateTime(r.submittedAt)}`}</Typography.Text>
              <LightTag light={r.light} />
              <span>{r.progress === null ? "进度 —" : `进度 ${r.progress}%`}</span>
            </Space>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
              {r.text}
            </Typography.Paragraph>
            {r.files.length > 0 && (
              <Space wrap>
                {r.files.map((f) => (
                  <a key={f.id} href={upwardFileUrl(r.id, f.id)} download={f.filename}>
                    {f.filename}
                  </a>
                ))}
              </Space>
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
