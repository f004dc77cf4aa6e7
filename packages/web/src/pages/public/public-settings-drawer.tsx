import type { PublicSettings } from "@duban/domain";
import { Alert, Button, Checkbox, Drawer, Flex, Result, Spin, Switch, Typography } from "antd";
import { useState } from "react";
import { publicSettingsKey, savePublicSettings, usePublicSettings } from "../../api/public";
import { useWrite } from "../../hooks/use-write";

/** 公开设置 of a plan: the switch, and which sections, tasks and indicators the public page shows. */
export function PublicSettingsDrawer({
  planId,
  open,
  onClose,
}: {
  planId: string;
  open: boolean;
  onClose: () => void;
}) {
  const settings = usePublicSettings(planId);
  return (
    <Drawer title="公开设置（政务公开）" open={open} onClose={onClose} size={520}>
      {settings.isPending ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : settings.isError ? (
        <Result status="warning" title={settings.error.message} />
      ) : (
        <PublicSettingsForm key={settings.data.version} settings={settings.data} />
      )}
    </Drawer>
  );
}

function PublicSettingsForm({ settings }: { settings: PublicSettings }) {
  const [isPublic, setPublic] = useState(settings.public);
  const [nodes, setNodes] = useState(() => new Set(settings.nodes.filter((n) => n.public).map((n) => n.id)));
  const [indicators, setIndicators] = useState(
    () => new Set(settings.indicators.filter((i) => i.public).map((i) => i.id)),
  );
  const editable = settings.abilities.edit;
  const save = useWrite({
    mutationFn: () =>
      savePublicSettings(settings.planId, {
        public: isPublic,
        nodeIds: [...nodes],
        indicatorIds: [...indicators],
        version: settings.version,
      }),
    success: "公开设置已保存",
    refresh: publicSettingsKey(settings.planId),
  });
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  // A section marked public publishes every task under it: those tasks show as included.
  const sectionOn = (id: string | null): boolean => {
    for (let at = id; at; at = settings.nodes.find((n) => n.id === at)?.parentId ?? null)
      if (nodes.has(at)) return true;
    return false;
  };
  const url = `${window.location.origin}${settings.path}`;

  return (
    <Flex vertical gap={12}>
      <Alert
        type={isPublic ? "warning" : "info"}
        showIcon
        message={isPublic ? "公开后，任何人不登录即可查看下列勾选的内容" : "本计划未公开，公开页面不可访问"}
        description={
          <>
            公开内容只有：勾选的部分和任务的名称、亮灯、进度、序时进度、完成时限，以及勾选指标的目标、当前值和已报单位数。
            不公开人员姓名、单位明细、佐证材料和反馈文字。公开地址：
            <Typography.Text copyable>{url}</Typography.Text>
          </>
        }
      />
      <Flex gap={8} align="center">
        <Switch checked={isPublic} disabled={!editable} onChange={setPublic} aria-label="公开本计划" />
        <Typography.Text>公开本计划</Typography.Text>
      </Flex>
      {settings.nodes.map((node) => {
        const inherited = sectionOn(node.parentId);
        const own = settings.indicators.filter((i) => i.nodeId === node.id);
        return (
          <div key={node.id} style={{ paddingInlineStart: node.level === "section" ? 0 : 16 }}>
            <Checkbox
              checked={nodes.has(node.id) || inherited}
              disabled={!editable || inherited}
              onChange={(e) => setNodes(toggle(nodes, node.id, e.target.checked))}
            >
              {node.level === "section" ? <strong>{node.title}</strong> : `${node.label ?? ""}${node.title}`}
            </Checkbox>
            {own.map((i) => (
              <div key={i.id} style={{ paddingInlineStart: 24 }}>
                <Checkbox
                  checked={indicators.has(i.id)}
                  disabled={!editable}
                  onChange={(e) => setIndicators(toggle(indicators, i.id, e.target.checked))}
                >
                  指标：{i.name}
                </Checkbox>
              </div>
            ))}
          </div>
        );
      })}
      {editable && (
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate(undefined)}>
          保存公开设置
        </Button>
      )}
    </Flex>
  );
}
