import { type Light, lightColorNames, lightColors, lightLabels, type PlanDetail } from "@duban/domain";
import { Card, Flex, Statistic } from "antd";
import { LightTag, lightDotColors } from "../../components/light-tag";

/** The plan at a glance: its overall light and how many tasks show each colour; a click filters by it. */
export function PlanSummaryBar({
  plan,
  selected,
  onSelect,
}: {
  plan: PlanDetail;
  selected: Light | undefined;
  onSelect: (light: Light | undefined) => void;
}) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} aria-label="亮灯统计">
      <Flex wrap gap={20} align="center">
        <span>
          总体 <LightTag light={plan.light} />
        </span>
        {lightColors.map((light) => (
          <button
            key={light}
            type="button"
            aria-pressed={selected === light}
            onClick={() => onSelect(selected === light ? undefined : light)}
            style={{
              background: selected === light ? "#f0f5ff" : "transparent",
              border: "none",
              cursor: "pointer",
              padding: "2px 6px",
              borderRadius: 6,
            }}
          >
            <Statistic
              title={`${lightColorNames[light]} ${lightLabels[light]}`}
              value={plan.lightCounts[light]}
              styles={{ content: { color: lightDotColors[light], fontSize: 20 } }}
            />
          </button>
        ))}
      </Flex>
    </Card>
  );
}
