import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { DraftMilestone, DraftNode, DraftTarget } from "@duban/domain";
import { App, Button, Flex, List, Tag, Typography } from "antd";
import { formatPlanDate, formatTarget } from "../../components/plan-format";
import { highlightStyles } from "./highlight";

/** Props of the target and milestone lists of a node. */
export interface NodeItemsProps {
  node: DraftNode;
  selectedKey: string | null;
  readOnly: boolean;
  onEditTarget: (target: DraftTarget | null) => void;
  onEditMilestone: (milestone: DraftMilestone | null) => void;
  onDelete: (itemKey: string) => void;
  onSelect: (itemKey: string) => void;
}

/** A node's targets and milestones with add, edit and delete. */
export function NodeItems(props: NodeItemsProps) {
  const { node, selectedKey, readOnly, onEditTarget, onEditMilestone, onDelete, onSelect } = props;
  const { modal } = App.useApp();
  const confirmDelete = (key: string, what: string) =>
    modal.confirm({
      title: `删除${what}？`,
      okText: "删除",
      okButtonProps: { danger: true },
      onOk: () => onDelete(key),
    });

  const actions = (onEdit: () => void, key: string, what: string) =>
    readOnly
      ? [
          <Button key="view" type="link" size="small" onClick={onEdit}>
            查看
          </Button>,
        ]
      : [
          <Button
            key="edit"
            type="link"
            size="small"
            icon={<EditOutlined />}
            aria-label={`编辑${what}`}
            onClick={onEdit}
          />,
          <Button
            key="delete"
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={`删除${what}`}
            onClick={() => confirmDelete(key, what)}
          />,
        ];

  return (
    <Flex vertical gap={12}>
      <List
        size="small"
        header={
          <Flex justify="space-between" align="center">
            <Typography.Text strong>指标（{node.targets.length}）</Typography.Text>
            {!readOnly && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onEditTarget(null)}>
                添加指标
              </Button>
            )}
          </Flex>
        }
        dataSource={node.targets}
        renderItem={(target) => (
          <List.Item
            actions={actions(() => onEditTarget(target), target.key, `指标“${target.indicator}”`)}
            style={{ background: target.key === selectedKey ? highlightStyles.target.background : undefined }}
            onClick={() => onSelect(target.key)}
          >
            <Typography.Text>
              <Tag color={highlightStyles.target.tag}>指标</Tag>
              {target.indicator} {formatTarget(target)}
              <Typography.Text type="secondary">
                {" "}
                · {formatPlanDate(target.deadline)}
                {target.hedge ? ` · ${target.hedge}` : ""}
              </Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
      <List
        size="small"
        header={
          <Flex justify="space-between" align="center">
            <Typography.Text strong>节点（{node.milestones.length}）</Typography.Text>
            {!readOnly && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onEditMilestone(null)}>
                添加节点
              </Button>
            )}
          </Flex>
        }
        dataSource={node.milestones}
        renderItem={(milestone) => (
          <List.Item
            actions={actions(() => onEditMilestone(milestone), milestone.key, `节点“${milestone.title}”`)}
            style={{
              background: milestone.key === selectedKey ? highlightStyles.milestone.background : undefined,
            }}
            onClick={() => onSelect(milestone.key)}
          >
            <Typography.Text>
              <Tag color={highlightStyles.milestone.tag}>节点</Tag>
              {milestone.title}
              <Typography.Text type="secondary">
                {" "}
                · {formatPlanDate(milestone.deadline)}
                {milestone.hedge ? ` · ${milestone.hedge}` : ""}
              </Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
    </Flex>
  );
}
