import type { AssessmentScheme } from "@duban/domain";
import { Form, Input, InputNumber, Modal, Select, type UploadFile } from "antd";
import { useState } from "react";
import { assessmentsKey, createAssessmentEntry } from "../../api/assessments";
import { useUnitOptions } from "../../api/units";
import { useWrite } from "../../hooks/use-write";
import { EvidenceUpload, fileIdsOf } from "../reports/evidence-upload";

interface EntryValues {
  unitId: string;
  itemKey: string;
  points: number;
  reason: string;
}

/** The manual and veto items of a scheme (veto items only for whoever may enter one), once per key. */
export function manualItemOptions(scheme: AssessmentScheme, { veto = true }: { veto?: boolean } = {}) {
  const seen = new Map<string, string>();
  for (const category of scheme.categories)
    for (const item of category.items)
      if ((item.kind === "manual" || (veto && item.kind === "veto")) && !seen.has(item.key))
        seen.set(item.key, item.kind === "veto" ? `${item.label}（一票否决）` : item.label);
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** 录入加减分: a unit, the item, the points (+ 加分 / − 扣分), the reason and the evidence. */
export function EntryDialog({
  planId,
  scheme,
  veto,
  onClose,
}: {
  planId: string;
  scheme: AssessmentScheme;
  /** Whether 一票否决 items are offered: the 督查室 enters them, a department only 加分 / 扣分. */
  veto: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<EntryValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const units = useUnitOptions();
  const create = useWrite({
    mutationFn: (values: EntryValues) =>
      createAssessmentEntry(planId, { ...values, fileIds: fileIdsOf(files) }),
    success: "已录入",
    refresh: [...assessmentsKey, "entries", planId],
    form,
    onDone: onClose,
  });
  const uploading = files.some((f) => f.status === "uploading");
  return (
    <Modal
      open
      title="录入加减分"
      okText="录入"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending, disabled: uploading }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EntryValues> form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: "请选择单位" }]}>
          <Select
            aria-label="单位"
            showSearch
            optionFilterProp="label"
            loading={units.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="itemKey" label="考评项" rules={[{ required: true, message: "请选择考评项" }]}>
          <Select aria-label="考评项" options={manualItemOptions(scheme, { veto })} />
        </Form.Item>
        <Form.Item
          name="points"
          label="分值"
          extra="加分填正数，扣分填负数；一票否决填 0。"
          rules={[{ required: true, message: "请填写分值" }]}
        >
          <InputNumber aria-label="分值" step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: "请填写理由" }]}
        >
          <Input.TextArea aria-label="理由" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label="佐证材料">
          <EvidenceUpload value={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
