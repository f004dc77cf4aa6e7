import { type Light, lightColorNames, lightColors, lightLabels } from "@duban/domain";
import { Flex, Tag, Tooltip } from "antd";

/** Ant Design tag colours of the lights. */
export const lightTagColors: Record<Light, string> = {
  red: "red",
  yellow: "gold",
  green: "green",
  grey: "default",
  blue: "blue",
};

/** Dot colours of the lights, for charts and counts. */
export const lightDotColors: Record<Light, string> = {
  red: "#f5222d",
  yellow: "#faad14",
  green: "#52c41a",
  grey: "#bfbfbf",
  blue: "#1677ff",
};

/** True for the five light colours (the API sends lights as plain strings on assignments). */
export function isLight(value: string | null | undefined): value is Light {
  return !!value && (lightColors as readonly string[]).includes(value);
}

function Dot({ light }: { light: Light }) {
  return (
    <span
      aria-hidden
      style={{
        display: "inline-block",
        width: 8,
        height: 8,
        borderRadius: 4,
        background: lightDotColors[light],
        marginInlineEnd: 4,
      }}
    />
  );
}

/** A status light（亮灯）: a coloured tag with its Chinese meaning, e.g. “正常”. */
export function LightTag({ light }: { light: string | null | undefined }) {
  if (!isLight(light)) return <Tag>—</Tag>;
  return (
    <Tooltip title={`${lightColorNames[light]}灯`}>
      <Tag color={lightTagColors[light]} style={{ marginInlineEnd: 0 }}>
        <Dot light={light} />
        {lightLabels[light]}
      </Tag>
    </Tooltip>
  );
}

/** How many of each colour, e.g. “绿 12 · 黄 3 · 红 1”; colours with none are left out unless `all`. */
export function LightCounts({
  counts,
  all = false,
}: {
  counts: Record<Light, number> | null | undefined;
  all?: boolean;
}) {
  if (!counts) return null;
  const shown = lightColors.filter((light) => all || counts[light] > 0);
  return (
    <Flex wrap gap={8} align="center">
      {shown.map((light) => (
        <span key={light} title={`${lightColorNames[light]}灯 ${lightLabels[light]}`}>
          <Dot light={light} />
          {lightColorNames[light]} {lightLabels[light]} {counts[light]}
        </span>
      ))}
    </Flex>
  );
}
