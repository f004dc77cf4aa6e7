import { Alert, Form, Modal, Radio, Select, Typography } from "antd";
import { useMemo } from "react";
import type { ChannelSetting } from "../../api/channels";
import type { UnitOption } from "../../api/units";
import { optionsOf, type RobotKind, robotKindLabels } from "./channel-labels";
import { RobotChannelForm } from "./robot-channel-form";

/** Which robot the modal is for: `{}` to add one, a unit and kind to change that unit's robot. */
export interface UnitRobotTarget {
  unitId?: string;
  kind?: RobotKind;
  unitName?: string;
}

interface TargetValues {
  unitId?: string;
  kind: RobotKind;
}

/**
 * 添加/修改单位机器人: pick the unit and the robot kind, then fill the same form as the bureau's robots. A unit
 * and kind that already have a robot open it for editing, so a unit never gets two robots of one kind.
 */
export function UnitRobotModal({
  target,
  channels,
  units,
  unitsLoading,
  onClose,
}: {
  target: UnitRobotTarget | null;
  channels: ChannelSetting[];
  units: UnitOption[];
  unitsLoading: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TargetValues>();
  const unitId = Form.useWatch("unitId", form) ?? target?.unitId;
  const kind = Form.useWatch("kind", form) ?? target?.kind ?? "wecom";
  const fixed = Boolean(target?.unitId);
  const unitOptions = useMemo(() => {
    const options = units.map((u) => ({ value: u.id, label: u.name }));
    // A robot of a unit since disabled can still be changed (switched off, say) from its row.
    if (target?.unitId && !units.some((u) => u.id === target.unitId))
      options.unshift({ value: target.unitId, label: target.unitName ?? target.unitId });
    return options;
  }, [units, target]);
  const existing = unitId ? channels.find((c) => c.unitId === unitId && c.kind === kind) : undefined;

  return (
    <Modal
      open={target !== null}
      title={existing ? "修改单位群机器人" : "添加单位群机器人"}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<TargetValues>
        // Named so its field ids stay unique beside the channel forms on the page (labels point at them).
        name="unit-robot"
        form={form}
        clearOnDestroy
        layout="vertical"
        initialValues={{ unitId: target?.unitId, kind: target?.kind ?? "wecom" }}
      >
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: "请选择单位" }]}>
          <Select
            placeholder="输入名称搜索学校或科室"
            showSearch={{ optionFilterProp: "label" }}
            loading={unitsLoading}
            disabled={fixed}
            options={unitOptions}
          />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group optionType="button" disabled={fixed} options={optionsOf<RobotKind>(robotKindLabels)} />
        </Form.Item>
      </Form>
      {existing && !fixed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该单位已有${robotKindLabels[kind]}机器人，保存将修改它`}
        />
      )}
      {unitId ? (
        <RobotChannelForm
          // A new unit, kind or saved version refills the form.
          key={`${unitId}:${kind}:${existing?.updatedAt ?? "new"}`}
          kind={kind}
          unitId={unitId}
          channel={existing}
          onSaved={onClose}
        />
      ) : (
        <Typography.Text type="secondary">先选择单位，再填写机器人的 Webhook 地址。</Typography.Text>
      )}
    </Modal>
  );
}
