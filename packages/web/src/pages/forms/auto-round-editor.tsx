import type { FormAutoRound } from "@duban/domain";
import { Form, InputNumber, Radio, Switch } from "antd";
import { AudienceGroupsSelect, AudienceUnitsSelect } from "./audience-selects";

/** What the designer edits of 每个填报周期自动发放. */
export interface AutoRoundValues {
  on: boolean;
  groupIds?: string[];
  unitIds?: string[];
  deadlineKind: "cycle_due" | "days_after_open";
  days?: number | null;
}

/** The editor's values of a form's setting (off when it has none). */
export function autoRoundValues(setting: FormAutoRound | null | undefined): AutoRoundValues {
  return {
    on: Boolean(setting),
    groupIds: setting?.groupIds ?? [],
    unitIds: setting?.unitIds ?? [],
    deadlineKind: setting?.deadline.kind ?? "cycle_due",
    days: setting?.deadline.kind === "days_after_open" ? setting.deadline.days : 10,
  };
}

/** The setting as the API takes it: null when switched off. */
export function autoRoundBody(values: AutoRoundValues | undefined): FormAutoRound | null {
  if (!values?.on) return null;
  return {
    groupIds: values.groupIds ?? [],
    unitIds: values.unitIds ?? [],
    deadline:
      values.deadlineKind === "days_after_open"
        ? { kind: "days_after_open", days: values.days ?? 0 }
        : { kind: "cycle_due" },
  };
}

/**
 * 每个填报周期自动发放: when the plan's next reporting cycle is opened, the form goes to these units and groups by
 * itself, due with the cycle or some days after it opens.
 */
export function AutoRoundEditor() {
  const on = Form.useWatch(["autoRound", "on"]) as boolean | undefined;
  const kind = Form.useWatch(["autoRound", "deadlineKind"]) as string | undefined;
  return (
    <>
      <Form.Item
        name={["autoRound", "on"]}
        label="每个填报周期自动发放"
        valuePropName="checked"
        extra="开启后，计划每开启一个填报周期，本表自动下发一次（已下发过的周期不再重复）"
      >
        <Switch />
      </Form.Item>
      {on && (
        <>
          <Form.Item name={["autoRound", "groupIds"]} label="自动发放分组">
            <AudienceGroupsSelect />
          </Form.Item>
          <Form.Item name={["autoRound", "unitIds"]} label="自动发放单位">
            <AudienceUnitsSelect />
          </Form.Item>
          <Form.Item name={["autoRound", "deadlineKind"]} label="截止日期规则">
            <Radio.Group
              options={[
                { value: "cycle_due", label: "与填报周期的截止日期相同" },
                { value: "days_after_open", label: "周期开启后若干天" },
              ]}
            />
          </Form.Item>
          {kind === "days_after_open" && (
            <Form.Item
              name={["autoRound", "days"]}
              label="开启后天数"
              rules={[{ required: true, message: "请填写天数" }]}
            >
              <InputNumber min={0} max={366} precision={0} suffix="天" style={{ width: 160 }} />
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}
