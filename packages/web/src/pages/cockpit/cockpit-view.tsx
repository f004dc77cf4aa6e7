import type { Cockpit } from "@duban/domain";
import { Col, Row } from "antd";
import { AttentionCard } from "./attention-card";
import { CompletionCard } from "./completion-card";
import { CountiesCard } from "./counties-card";
import { GroupCard } from "./group-card";
import { HeatmapCard } from "./heatmap-card";
import { IndicatorsCard } from "./indicators-card";
import { SupervisionCard } from "./supervision-card";

/**
 * The cockpit's figures on one screen: completion across the top, then the breakdowns beside 督办 and 需要关注,
 * then the schools' heat map and the indicators. Columns stack on narrow screens.
 */
export function CockpitView({ cockpit, onPickDay }: { cockpit: Cockpit; onPickDay: (day: string) => void }) {
  // A school's own summary has one unit: a heat map of one row says nothing the lists do not.
  const heatmap = cockpit.scope.kind !== "school";
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <CompletionCard cockpit={cockpit} onPickDay={onPickDay} />
      </Col>
      <Col xs={24} xl={14}>
        <GroupCard cockpit={cockpit} />
      </Col>
      <Col xs={24} xl={10}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <SupervisionCard cockpit={cockpit} />
          </Col>
          <Col span={24}>
            <AttentionCard cockpit={cockpit} />
          </Col>
          <Col span={24}>
            <CountiesCard cockpit={cockpit} />
          </Col>
        </Row>
      </Col>
      {/* Full width: a column per task (24 in the seed plan) and indicator names need the room. */}
      {heatmap && (
        <Col span={24}>
          <HeatmapCard cockpit={cockpit} />
        </Col>
      )}
      <Col span={24}>
        <IndicatorsCard cockpit={cockpit} />
      </Col>
    </Row>
  );
}
