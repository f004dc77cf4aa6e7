import type { Bulletin } from "@duban/domain";
import { DatePicker, Form, Input, Modal, Radio } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useNavigate } from "react-router";
import { bulletinsKey, createBulletin } from "../../api/bulletins";
import { useWrite } from "../../hooks/use-write";
import { type PeriodKind, periodOf, suggestedTitle } from "./period";

interface Values {
  title: string;
  kind: PeriodKind;
  pick?: Dayjs;
  range?: [Dayjs, Dayjs];
}

/** The day a period is first offered around: today, kept inside the plan's year. */
function defaultPick(planYear: number): Dayjs {
  const today = dayjs();
  if (today.year() > planYear) return dayjs(`${planYear}-12-31`);
  if (today.year() < planYear) return dayjs(`${planYear}-01-01`);
  return today;
}

/** The period the form describes, as the API takes it. */
function periodOfValues(v: Values) {
  if (v.kind === "custom" && v.range)
    return { from: v.range[0].format("YYYY-MM-DD"), to: v.range[1].format("YYYY-MM-DD") };
  return periodOf(v.kind === "quarter" ? "quarter" : "month", v.pick ?? dayjs(), dayjs());
}

/** 起草通报: a title and the period (a month, a quarter or any range); the server drafts the text from snapshots. */
export function BulletinCreateDialog({
  planId,
  planYear,
  onClose,
}: {
  planId: string;
  planYear: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const kind = Form.useWatch("kind", form) ?? "month";
  const pick = defaultPick(planYear);
  const create = useWrite({
    mutationFn: (v: Values) => createBulletin(planId, { title: v.title.trim(), ...periodOfValues(v) }),
    success: "通报草稿已生成，请修改后印发",
    refresh: bulletinsKey,
    form,
    onDone: (b: Bulletin) => navigate(`/bulletins/${b.id}`),
  });
  return (
    <Modal
      open
      title="起草督查通报"
      okText="生成草稿"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: "month", pick, title: suggestedTitle("month", pick) }}
        onValuesChange={(changed, all) => {
          // A new period suggests its title, unless the user already wrote one of their own.
          if (("kind" in changed || "pick" in changed) && !form.isFieldTouched("title"))
            form.setFieldValue("title", suggestedTitle(all.kind, all.pick ?? pick));
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="kind" label="通报期间">
          <Radio.Group
            optionType="button"
            options={[
              { value: "month", label: "按月" },
              { value: "quarter", label: "按季度" },
              { value: "custom", label: "自定义" },
            ]}
          />
        </Form.Item>
        {kind === "custom" ? (
          <Form.Item name="range" label="起止日期" rules={[{ required: true, message: "请选择起止日期" }]}>
            <DatePicker.RangePicker style={{ width: "100%" }} />
          </Form.Item>
        ) : (
          <Form.Item
            name="pick"
            label={kind === "month" ? "月份" : "季度"}
            rules={[{ required: true, message: "请选择期间" }]}
            extra="期间尚未结束时，通报截至今天"
          >
            <DatePicker picker={kind} style={{ width: "100%" }} />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="标题"
          rules={[{ required: true, whitespace: true, message: "请填写通报标题" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
