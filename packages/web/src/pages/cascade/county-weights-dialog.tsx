import { countyWeightMax, type HandDown } from "@duban/domain";
import { Button, Form, InputNumber, Modal, Typography } from "antd";
import { useState } from "react";
import { cascadeKey, setCountyWeights } from "../../api/cascade";
import { useWrite } from "../../hooks/use-write";

type Values = Record<string, number>;

/**
 * 汇总权重: the 督查室 weighs each county a hand-down went to in its roll-up's progress (1 unless set; all 0 is
 * the plain mean). Sent with the hand-down's version, so a change made meanwhile is refused, not overwritten.
 */
export function CountyWeightsButton({ h }: { h: HandDown }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const write = useWrite({
    mutationFn: (v: Values) =>
      setCountyWeights(h.id, {
        version: h.version,
        weights: h.counties.map((c) => ({ tenantId: c.tenant.id, weight: v[c.tenant.id] ?? c.weight })),
      }),
    success: "汇总权重已保存",
    refresh: cascadeKey,
    form,
    onDone: () => setOpen(false),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} disabled={h.counties.length === 0}>
        汇总权重
      </Button>
      <Modal
        title="各县在汇总进度中的权重"
        open={open}
        okText="保存"
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={write.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          汇总进度按权重加权平均；未关联的县按进度 0 计入。权重全为 0 时按算术平均。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ span: 10 }}
          initialValues={Object.fromEntries(h.counties.map((c) => [c.tenant.id, c.weight]))}
          onFinish={(v) => write.mutate(v)}
        >
          {h.counties.map((c) => (
            <Form.Item
              key={c.tenant.id}
              name={c.tenant.id}
              label={c.tenant.name}
              rules={[{ required: true, message: "请填写权重" }]}
            >
              <InputNumber min={0} max={countyWeightMax} aria-label={`${c.tenant.name}的权重`} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
