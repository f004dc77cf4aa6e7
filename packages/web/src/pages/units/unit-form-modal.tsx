import {
  limits,
  ownershipLabels,
  ownerships,
  schoolTypeLabels,
  schoolTypes,
  type Unit,
  type UnitCreateInput,
  unitKindLabels,
  unitKinds,
} from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, AutoComplete, Form, Input, InputNumber, Modal, Radio, Select } from "antd";
import { isApiError } from "../../api/client";
import { createUnit, unitsKey, updateUnit, useTownships } from "../../api/units";
import { optionsOf } from "../../components/select-options";
import { useErrorHandler } from "../../hooks/use-error-handler";

type UnitValues = Required<Pick<UnitCreateInput, "name" | "kind">> & Omit<UnitCreateInput, "name" | "kind">;

/** Create or edit a unit; school type, ownership and township are asked only for schools. */
export function UnitFormModal({
  open,
  unit,
  onClose,
}: {
  open: boolean;
  unit: Unit | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UnitValues>();
  const kind = Form.useWatch("kind", form);
  const townships = useTownships();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(unitsKey);
  const mutation = useMutation({
    mutationFn: (values: UnitValues) => {
      const isSchool = values.kind === "school";
      const input: UnitCreateInput = {
        name: values.name.trim(),
        kind: values.kind,
        schoolType: isSchool ? values.schoolType : null,
        ownership: isSchool ? values.ownership : null,
        township: isSchool ? values.township?.trim() || null : null,
        code: values.code?.trim() || null,
        sortOrder: values.sortOrder ?? 0,
      };
      return unit ? updateUnit(unit.id, { ...input, version: unit.version }) : createUnit(input);
    },
    onSuccess: () => {
      message.success(unit ? "单位已保存" : "单位已创建");
      void queryClient.invalidateQueries({ queryKey: unitsKey });
      onClose();
    },
    onError: (error) => {
      onError(error, form);
      if (isApiError(error, "stale_version")) onClose();
    },
  });

  return (
    <Modal
      open={open}
      title={unit ? "编辑单位" : "新建单位"}
      okText="保存"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UnitValues>
        form={form}
        clearOnDestroy
        layout="vertical"
        initialValues={
          unit
            ? {
                name: unit.name,
                kind: unit.kind,
                schoolType: unit.schoolType,
                ownership: unit.ownership,
                township: unit.township,
                code: unit.code,
                sortOrder: unit.sortOrder,
              }
            : { kind: "school", sortOrder: 0 }
        }
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: "请输入名称" }]}
        >
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item label="单位类型" name="kind" rules={[{ required: true, message: "请选择单位类型" }]}>
          <Radio.Group options={optionsOf(unitKinds, unitKindLabels)} optionType="button" />
        </Form.Item>
        {kind === "school" && (
          <>
            <Form.Item
              label="学校类型"
              name="schoolType"
              rules={[{ required: true, message: "请选择学校类型" }]}
            >
              <Select options={optionsOf(schoolTypes, schoolTypeLabels)} placeholder="请选择" />
            </Form.Item>
            <Form.Item
              label="办学性质"
              name="ownership"
              rules={[{ required: true, message: "请选择办学性质" }]}
            >
              <Select options={optionsOf(ownerships, ownershipLabels)} placeholder="请选择" />
            </Form.Item>
            <Form.Item label="乡镇/街道" name="township">
              <AutoComplete
                options={(townships.data ?? []).map((name) => ({ value: name }))}
                placeholder="如 复州城镇"
                maxLength={limits.nameMax}
                showSearch={{
                  filterOption: (input, option) => String(option?.value ?? "").includes(input),
                }}
              />
            </Form.Item>
          </>
        )}
        <Form.Item label="编码" name="code">
          <Input maxLength={limits.nameMax} placeholder="选填" />
        </Form.Item>
        <Form.Item label="排序" name="sortOrder" extra="数字越小越靠前">
          <InputNumber min={0} max={100000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
