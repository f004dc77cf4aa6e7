import { Flex, InputNumber, Typography } from "antd";

/**
 * A labelled number input with the server's field error beneath it; `label` is also its accessible name, so a
 * test or screen reader finds "优秀分数线" or "任务完成分值".
 */
export function NumberField({
  label,
  name,
  value,
  onChange,
  error,
  disabled,
  min,
  max,
  step,
  suffix,
  width = 96,
}: {
  label?: string;
  name: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  error?: string;
  disabled?: boolean;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
  width?: number;
}) {
  return (
    <Flex vertical gap={2}>
      <Flex align="center" gap={4} wrap>
        {label && <Typography.Text type="secondary">{label}</Typography.Text>}
        <InputNumber
          aria-label={name}
          value={value}
          min={min}
          max={max}
          step={step}
          disabled={disabled}
          status={error ? "error" : undefined}
          style={{ width }}
          suffix={suffix}
          onChange={(v) => onChange(typeof v === "number" ? v : undefined)}
        />
      </Flex>
      {error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}
