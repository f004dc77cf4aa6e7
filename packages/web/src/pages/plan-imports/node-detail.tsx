import { DeleteOutlined, MergeCellsOutlined } from "@ant-design/icons";
import {
  type DraftMilestone,
  type DraftNode,
  type DraftTarget,
  type PlanDraftEdit,
  planLevelLabels,
} from "@duban/domain";
import { App, Button, Card, Divider, Empty, Flex, Form, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { formatPlanDate } from "../../components/plan-format";
import {
  canMergeIntoPrevious,
  deleteItem,
  deleteNode,
  findItemOwner,
  findNode,
  flattenNodes,
  freshKey,
  mergeIntoPrevious,
  moveMeasure,
  putMilestone,
  putTarget,
  splitAtMeasure,
  updateNode,
} from "./draft-ops";
import { MilestoneFormModal } from "./milestone-form-modal";
import { NodeItems } from "./node-items";
import { NodeMeasures } from "./node-measures";
import { NodeSources } from "./node-sources";
import { NodeUnits } from "./node-units";
import { TargetFormModal } from "./target-form-modal";

/** Props of the detail panel. */
export interface NodeDetailProps {
  draft: PlanDraftEdit;
  selectedKey: string | null;
  readOnly: boolean;
  change: (edit: (draft: PlanDraftEdit) => PlanDraftEdit) => void;
  onSelect: (key: string | null) => void;
  /** The dictionary keywords a node's suggested lead unit was matched by (none once the lead is changed). */
  leadKeywords?: (node: DraftNode) => string[];
  /** Brings a table row of the source into view. */
  onShowRow?: (span: [number, number]) => void;
}

/** The selected node (or the node owning the selected target/milestone) with everything that can be edited. */
export function NodeDetail({
  draft,
  selectedKey,
  readOnly,
  change,
  onSelect,
  leadKeywords,
  onShowRow,
}: NodeDetailProps) {
  const { modal } = App.useApp();
  const [target, setTarget] = useState<DraftTarget | null>(null);
  const [milestone, setMilestone] = useState<DraftMilestone | null>(null);
  const node = selectedKey
    ? (findNode(draft.nodes, selectedKey)?.node ?? findItemOwner(draft.nodes, selectedKey))
    : null;
  if (!node) return <Empty description="在结构或原文中选择一项查看详情" />;

  const edit = (fn: (nodes: PlanDraftEdit["nodes"]) => PlanDraftEdit["nodes"]) =>
    change((d) => ({ ...d, nodes: fn(d.nodes) }));
  const isTask = node.level === "task" || node.level === "subtask";
  const tasks = flattenNodes(draft.nodes).filter((n) => n.level === "task" || n.level === "subtask");
  const levelName = planLevelLabels[node.level];

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <Tag>{levelName}</Tag>
          <Typography.Text ellipsis>
            {node.label}
            {node.title}
          </Typography.Text>
        </Flex>
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label="标题" style={{ marginBottom: 12 }}>
          <Input
            aria-label="标题"
            value={node.title}
            maxLength={200}
            disabled={readOnly}
            status={node.title.trim() ? undefined : "error"}
            onChange={(e) =>
              edit((nodes) => updateNode(nodes, node.key, (n) => ({ ...n, title: e.target.value })))
            }
          />
        </Form.Item>
        {node.deadline && (
          <Typography.Paragraph type="secondary">
            完成时限：{formatPlanDate(node.deadline)}
          </Typography.Paragraph>
        )}
        <NodeSources node={node} onShowRow={onShowRow} />
        {!readOnly && (
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            <Button
              icon={<MergeCellsOutlined />}
              disabled={!canMergeIntoPrevious(draft.nodes, node.key)}
              onClick={() =>
                modal.confirm({
                  title: `将“${node.title}”并入上一项？`,
                  content: "它的措施、指标、节点和下级内容将追加到上一项之后。",
                  okText: "合并",
                  onOk: () => {
                    const prev = findNode(draft.nodes, node.key);
                    edit((nodes) => mergeIntoPrevious(nodes, node.key));
                    if (prev) onSelect(prev.siblings[prev.index - 1]?.key ?? null);
                  },
                })
              }
            >
              并入上一项
            </Button>
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() =>
                modal.confirm({
                  title: `删除${levelName}“${node.title}”？`,
                  content: node.children.length ? "它的下级内容也将一并删除。" : undefined,
                  okText: "删除",
                  okButtonProps: { danger: true },
                  onOk: () => {
                    edit((nodes) => deleteNode(nodes, node.key));
                    onSelect(null);
                  },
                })
              }
            >
              删除{levelName}
            </Button>
          </Flex>
        )}
        <NodeUnits
          node={node}
          leadKeywords={leadKeywords?.(node) ?? []}
          readOnly={readOnly}
          onChange={(units) => edit((nodes) => updateNode(nodes, node.key, (n) => ({ ...n, ...units })))}
        />
      </Form>
      {(isTask || node.measures.length > 0) && (
        <>
          <Divider titlePlacement="start" plain>
            措施（{node.measures.length}）
          </Divider>
          <NodeMeasures
            node={node}
            tasks={tasks}
            readOnly={readOnly}
            onSplit={(measureKey) => {
              const key = freshKey(draft);
              edit((nodes) => splitAtMeasure(nodes, node.key, measureKey, key));
              onSelect(key);
            }}
            onMove={(measureKey, toKey) => edit((nodes) => moveMeasure(nodes, node.key, measureKey, toKey))}
          />
        </>
      )}
      <Divider />
      <NodeItems
        node={node}
        selectedKey={selectedKey}
        readOnly={readOnly}
        onSelect={onSelect}
        onDelete={(key) => edit((nodes) => deleteItem(nodes, key))}
        onEditTarget={(t) => setTarget(t ?? newTarget(freshKey(draft), draft.year))}
        onEditMilestone={(m) => setMilestone(m ?? newMilestone(freshKey(draft), draft.year))}
      />
      <TargetFormModal
        target={target}
        readOnly={readOnly}
        onClose={() => setTarget(null)}
        onSave={(saved) => {
          edit((nodes) => putTarget(nodes, node.key, saved));
          setTarget(null);
        }}
      />
      <MilestoneFormModal
        milestone={milestone}
        readOnly={readOnly}
        onClose={() => setMilestone(null)}
        onSave={(saved) => {
          edit((nodes) => putMilestone(nodes, node.key, saved));
          setMilestone(null);
        }}
      />
    </Card>
  );
}

function newTarget(key: string, year: number): DraftTarget {
  return {
    key,
    text: "",
    span: null,
    indicator: "",
    comparator: "gte",
    value: 0,
    valueMax: null,
    unit: "",
    deadline: String(year),
    hedge: null,
  };
}

function newMilestone(key: string, year: number): DraftMilestone {
  return { key, text: "", span: null, title: "", deadline: String(year), hedge: null };
}
