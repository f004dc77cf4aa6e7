import type { PlanTreeNode } from "@duban/domain";
import { Card, Col, Row } from "antd";
import { formatPlanDate } from "../../components/plan-format";

/** The task's measures（措施）and milestones（节点）. */
export function TaskItems({ node }: { node: PlanTreeNode }) {
  if (node.measures.length === 0 && node.milestones.length === 0) return null;
  return (
    <Row gutter={[16, 16]}>
      {node.measures.length > 0 && (
        <Col xs={24} lg={node.milestones.length > 0 ? 14 : 24}>
          <Card size="small" title="措施">
            <ol style={{ margin: 0, paddingInlineStart: 22 }}>
              {node.measures.map((m) => (
                <li key={m.id}>{m.text}</li>
              ))}
            </ol>
          </Card>
        </Col>
      )}
      {node.milestones.length > 0 && (
        <Col xs={24} lg={node.measures.length > 0 ? 10 : 24}>
          <Card size="small" title="节点">
            <ol style={{ margin: 0, paddingInlineStart: 22 }}>
              {node.milestones.map((m) => (
                <li key={m.id}>
                  {m.title}（{formatPlanDate(m.deadline)}）
                </li>
              ))}
            </ol>
          </Card>
        </Col>
      )}
    </Row>
  );
}
