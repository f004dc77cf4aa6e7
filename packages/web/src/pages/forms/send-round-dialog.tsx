import type { Form as FormRecord } from "@duban/domain";
import { DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useNavigate } from "react-router";
import { useCycles } from "../../api/execution";
import { createRound, formsKey } from "../../api/forms";
import { useWrite } from "../../hooks/use-write";
import { AudienceGroupsSelect, AudienceUnitsSelect } from "./audience-selects";

interface RoundValues {
  name: string;
  deadline?: Dayjs | null;
  unitIds?: string[];
  groupIds?: string[];
  cycleId?: string | null;
}

/** 下发填报: sends the form to units one by one and/or whole groups (e.g. 全部幼儿园) with a deadline. */
export function SendRoundDialog({ form, onClose }: { form: FormRecord; onClose: () => void }) {
  const navigate = useNavigate();
  const [antForm] = Form.useForm<RoundValues>();
  const cycles = useCycles(form.planId);
  const send = useWrite({
    mutationFn: (values: RoundValues) =>
      createRound(form.id, {
        name: values.name.trim(),
        deadline: values.deadline?.format("YYYY-MM-DD") ?? "",
        unitIds: values.unitIds ?? [],
        groupIds: values.groupIds ?? [],
        cycleId: values.cycleId ?? null,
      }),
    success: (round) => `已下发，共 ${round.counts.expected} 个单位需填报`,
    refresh: formsKey,
    form: antForm,
    onDone: (round) => navigate(`/form-rounds/${round.id}`),
  });
  return (
    <Modal
      title={`下发填报：${form.title}`}
      open
      okText="下发"
      cancelText="取消"
      confirmLoading={send.isPending}
      onOk={() => antForm.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RoundValues>
        form={antForm}
        layout="vertical"
        onFinish={(values) => {
          if (!values.unitIds?.length && !values.groupIds?.length) {
            antForm.setFields([{ name: "unitIds", errors: ["请至少选择一个填报单位或单位分组"] }]);
            return;
          }
          send.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label="批次名称"
          rules={[{ required: true, whitespace: true, message: "请填写批次名称" }]}
        >
          <Input maxLength={100} placeholder="如：2023年秋季学期" />
        </Form.Item>
        <Form.Item name="deadline" label="截止日期" rules={[{ required: true, message: "请选择截止日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="groupIds" label="单位分组" extra="分组内的每个单位各填一份">
          <AudienceGroupsSelect />
        </Form.Item>
        <Form.Item name="unitIds" label="填报单位">
          <AudienceUnitsSelect />
        </Form.Item>
        {(cycles.data ?? []).length > 0 && (
          <Form.Item name="cycleId" label="所属填报周期" extra="按周期填报时选择；一次性填报不选">
            <Select allowClear options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
