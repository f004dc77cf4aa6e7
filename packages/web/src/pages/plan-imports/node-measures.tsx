import type { DraftNode } from "@duban/domain";
import { App, Button, Flex, List, Select, Typography } from "antd";
import { useState } from "react";

/** Props of the measure list. */
export interface NodeMeasuresProps {
  node: DraftNode;
  /** Tasks a measure may move to. */
  tasks: DraftNode[];
  readOnly: boolean;
  onSplit: (measureKey: string) => void;
  onMove: (measureKey: string, toKey: string) => void;
}

/** A task's measures, each of which may start a new task (拆分) or move to another task. */
export function NodeMeasures({ node, tasks, readOnly, onSplit, onMove }: NodeMeasuresProps) {
  const { modal } = App.useApp();
  const [moving, setMoving] = useState<string | null>(null);
  const taskOptions = tasks
    .filter((task) => task.key !== node.key)
    .map((task) => ({ value: task.key, label: `${task.label ?? ""}${task.title}` }));

  if (node.measures.length === 0) return <Typography.Text type="secondary">没有措施</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={node.measures}
      renderItem={(measure, index) => (
        <List.Item style={{ display: "block", paddingInline: 0 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <Typography.Text type="secondary">{index + 1}. </Typography.Text>
            {measure.text}
          </Typography.Paragraph>
          {!readOnly && (
            <Flex wrap gap={8} align="center">
              {index > 0 && (
                <Button
                  size="small"
                  onClick={() =>
                    modal.confirm({
                      title: "从这条措施起拆分为新任务？",
                      content: `第 ${index + 1}–${node.measures.length} 条措施将成为紧随其后的一项新任务。`,
                      okText: "拆分",
                      onOk: () => onSplit(measure.key),
                    })
                  }
                >
                  从此拆分
                </Button>
              )}
              {moving === measure.key ? (
                <Select
                  size="small"
                  autoFocus
                  defaultOpen
                  showSearch={{ optionFilterProp: "label" }}
                  placeholder="移到哪项任务"
                  aria-label="移到任务"
                  options={taskOptions}
                  style={{ minWidth: 220, maxWidth: "100%" }}
                  onChange={(toKey: string) => {
                    setMoving(null);
                    onMove(measure.key, toKey);
                  }}
                  onBlur={() => setMoving(null)}
                />
              ) : (
                <Button
                  size="small"
                  onClick={() => setMoving(measure.key)}
                  disabled={taskOptions.length === 0}
                >
                  移到其他任务
                </Button>
              )}
            </Flex>
          )}
        </List.Item>
      )}
    />
  );
}
