import { Card, Col, Row, Statistic } from "antd";
import type { RectificationCounts } from "../../api/rectifications";

const cards: { key: keyof RectificationCounts; label: string; color?: string }[] = [
  { key: "total", label: "整改总数" },
  { key: "open", label: "待整改" },
  { key: "submitted", label: "待验收", color: "#faad14" },
  { key: "returned", label: "已退回", color: "#f5222d" },
  { key: "accepted", label: "已销号", color: "#52c41a" },
  { key: "overdue", label: "逾期", color: "#f5222d" },
];

/** The ledger's counts as a row of cards. */
export function RectificationStatsCards({ totals }: { totals: RectificationCounts | undefined }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={8} lg={4}>
          <Card size="small">
            <Statistic
              title={card.label}
              value={totals?.[card.key] ?? 0}
              styles={{ content: card.color ? { color: card.color } : undefined }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
