import { Card, List, Tag, Typography } from "antd";
import { useNodeRequirements } from "../api/cascade";

/** 上级要求: the superior bureaus' text, targets and due date on a task linked to their hand-down. */
export function SuperiorRequirementsPanel({ nodeId }: { nodeId: string }) {
  const list = useNodeRequirements(nodeId);
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="上级要求">
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag color="purple">{r.from.name}下达</Tag>
                  {`${r.superiorNode.label ?? ""}${r.superiorNode.title}`}
                  {r.dueDate && (
                    <Typography.Text type="secondary">{`（完成时限：${r.dueDate}）`}</Typography.Text>
                  )}
                </>
              }
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                    {r.text}
                  </Typography.Paragraph>
                  {r.targets.map((t) => (
                    <Tag
                      key={t.name}
                    >{`${t.name} ${t.comparator === "lte" || t.comparator === "lt" ? "≤" : "≥"} ${t.value}${t.unit}`}</Tag>
                  ))}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
