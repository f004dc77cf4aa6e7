import { DownloadOutlined } from "@ant-design/icons";
import { type Bulletin, type BulletinBlock, bulletinStatusLabels } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Flex, Input, Popconfirm, Result, Spin, Tag } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import {
  bulletinDocumentUrl,
  bulletinsKey,
  deleteBulletin,
  issueBulletin,
  updateBulletin,
  useBulletin,
} from "../../api/bulletins";
import { isApiError } from "../../api/client";
import { formatDate, formatDateTime } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { BlockEditor } from "./block-editor";
import { BulletinView } from "./bulletin-view";

/** 督查通报 (`/bulletins/:id`): a draft to edit, save, issue or delete; an issued one to read with its 文号. */
export function BulletinPage() {
  const { id = "" } = useParams();
  const bulletin = useBulletin(id);
  if (bulletin.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (bulletin.isError) return <Result status="warning" title={bulletin.error.message} />;
  // A new version from the server (after issuing, or reloading after a conflict) starts a fresh editor.
  return <BulletinEditor key={`${bulletin.data.id}:${bulletin.data.version}`} bulletin={bulletin.data} />;
}

/** What the editor holds: the user's text, kept whatever the server answers. */
interface Draft {
  title: string;
  content: BulletinBlock[];
  version: number;
}

function BulletinEditor({ bulletin: b }: { bulletin: Bulletin }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ title: b.title, content: b.content, version: b.version });
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const edit = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setDirty(true);
  };
  // A lost race keeps the user's text on screen and says so; anything else is the server's own message.
  const onError = (error: unknown) => {
    if (isApiError(error, "stale_version", "conflict")) setConflict(error.message);
    else message.error(error instanceof Error ? error.message : "操作失败，请稍后重试");
  };
  const save = useMutation({
    mutationFn: () => updateBulletin(b.id, draft),
    onSuccess: (saved) => {
      setDraft((d) => ({ ...d, version: saved.version }));
      setDirty(false);
      message.success("已保存");
      void queryClient.invalidateQueries({ queryKey: [...bulletinsKey, "plan"] });
    },
    onError,
  });
  const issue = useMutation({
    mutationFn: () => issueBulletin(b.id, draft.version),
    onSuccess: (issued) => {
      message.success(`已印发，文号 ${issued.number}`);
      queryClient.setQueryData([...bulletinsKey, "one", b.id], issued);
      void queryClient.invalidateQueries({ queryKey: [...bulletinsKey, "plan"] });
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => deleteBulletin(b.id, draft.version),
    onSuccess: () => {
      message.success("草稿已删除");
      void queryClient.invalidateQueries({ queryKey: [...bulletinsKey, "plan"] });
      navigate(`/bulletins?plan=${b.planId}`);
    },
    onError,
  });
  const editing = b.abilities.edit;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
      <PageHeader
        title={editing ? "编辑督查通报" : "督查通报"}
        actions={
          <>
            <Button icon={<DownloadOutlined />} href={bulletinDocumentUrl(b.id)} download>
              下载 Word
            </Button>
            {editing && (
              <Button loading={save.isPending} disabled={!dirty} onClick={() => save.mutate()}>
                保存
              </Button>
            )}
            {b.abilities.issue && (
              <Popconfirm
                title="印发通报"
                description="印发后将编发文号，正文不能再修改，并通知通报中点名的单位。确定印发吗？"
                okText="印发"
                cancelText="取消"
                disabled={dirty}
                onConfirm={() => issue.mutate()}
              >
                <Button
                  type="primary"
                  loading={issue.isPending}
                  disabled={dirty}
                  title={dirty ? "请先保存修改" : undefined}
                >
                  印发
                </Button>
              </Popconfirm>
            )}
            {b.abilities.delete && (
              <Popconfirm
                title="删除草稿"
                description="删除后不能恢复。确定删除这份通报草稿吗？"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove.mutate()}
              >
                <Button danger loading={remove.isPending}>
                  删除草稿
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          message={conflict}
          description="您编辑的内容仍保留在下方，可复制后载入最新版本再合并修改。"
          action={
            <Button
              size="small"
              onClick={() => void queryClient.invalidateQueries({ queryKey: [...bulletinsKey, "one", b.id] })}
            >
              载入最新版本
            </Button>
          }
        />
      )}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="状态">
            <Tag color={b.status === "issued" ? "red" : "default"}>{bulletinStatusLabels[b.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="文号">{b.number ?? "印发时编号"}</Descriptions.Item>
          <Descriptions.Item label="通报期间">
            {formatDate(b.from)} 至 {formatDate(b.to)}
          </Descriptions.Item>
          {b.issuedAt && (
            <Descriptions.Item label="印发">
              {formatDateTime(b.issuedAt)} {b.issuedBy?.name}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        {editing ? (
          <Flex vertical gap={12}>
            <Input
              aria-label="通报标题"
              size="large"
              value={draft.title}
              onChange={(e) => edit({ title: e.target.value })}
            />
            <BlockEditor value={draft.content} onChange={(content) => edit({ content })} />
          </Flex>
        ) : (
          <>
            <h2 style={{ textAlign: "center" }}>{b.title}</h2>
            <BulletinView content={b.content} />
          </>
        )}
      </Card>
    </Flex>
  );
}
