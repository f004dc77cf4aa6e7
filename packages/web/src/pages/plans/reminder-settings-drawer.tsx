import { type PlanReminderSettings, reminderSettingLimits } from "@duban/domain";
import { Alert, Button, Drawer, Form, InputNumber, Result, Space, Spin, Switch, Tag, Typography } from "antd";
import { reminderSettingsKey, saveReminderSettings, useReminderSettings } from "../../api/reminders";
import { formatDay } from "../../components/plan-format";
import { useWrite } from "../../hooks/use-write";
import { CalendarMissingNotice } from "../settings/calendar-missing-notice";

interface Values {
  remindDaysBefore: number;
  escalateAfterDays: number;
  remindWorkdaysOnly: boolean;
}

/** 催办设置 of a plan: when reminders go out before the due date and when overdue ones escalate. */
export function ReminderSettingsDrawer({
  planId,
  open,
  onClose,
}: {
  planId: string;
  open: boolean;
  onClose: () => void;
}) {
  const settings = useReminderSettings(planId);
  return (
    <Drawer title="催办设置" open={open} onClose={onClose} size={480}>
      {settings.isPending ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : settings.isError ? (
        <Result status="warning" title={settings.error.message} />
      ) : (
        // A new version (after a save or a stale-version refetch) starts the form from what the server holds.
        <ReminderSettingsForm key={settings.data.version} planId={planId} settings={settings.data} />
      )}
    </Drawer>
  );
}

function ReminderSettingsForm({ planId, settings }: { planId: string; settings: PlanReminderSettings }) {
  const [form] = Form.useForm<Values>();
  const editable = settings.abilities.update;
  const save = useWrite({
    mutationFn: (values: Values) => saveReminderSettings(planId, { ...values, version: settings.version }),
    success: "催办设置已保存",
    refresh: reminderSettingsKey(planId),
    form,
  });
  const { remindDaysBeforeMax, escalateAfterDaysMin, escalateAfterDaysMax } = reminderSettingLimits;

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {settings.isDefault ? (
          <>
            <Tag>默认设置</Tag>
            <Typography.Text type="secondary">本计划尚未单独设置，按默认值催办</Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">最近修改于 {formatDay(settings.updatedAt)}</Typography.Text>
        )}
      </Space>
      {!editable && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="只有督查室和管理员可以修改催办设置" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{
          remindDaysBefore: settings.remindDaysBefore,
          escalateAfterDays: settings.escalateAfterDays,
          remindWorkdaysOnly: settings.remindWorkdaysOnly,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="remindDaysBefore"
          label="提前提醒天数"
          extra="截止日前几天开始提醒填报单位；填 0 则只在截止当天提醒"
          rules={[{ required: true, message: "请填写提前提醒天数" }]}
        >
          <InputNumber min={0} max={remindDaysBeforeMax} precision={0} suffix="天" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="escalateAfterDays"
          label="逾期升级天数"
          extra="逾期达到该天数提醒单位负责人，达到两倍天数提醒督查人员"
          rules={[{ required: true, message: "请填写逾期升级天数" }]}
        >
          <InputNumber
            min={escalateAfterDaysMin}
            max={escalateAfterDaysMax}
            precision={0}
            suffix="天"
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          name="remindWorkdaysOnly"
          label="仅工作日提醒"
          valuePropName="checked"
          extra="开启后法定节假日和周六、周日不发送催办消息，调休上班日照常发送（按工作日历）"
        >
          <Switch />
        </Form.Item>
        <CalendarMissingNotice />
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
