import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import type { FormField } from "@duban/domain";
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useState } from "react";
import { fileUrl, uploadEvidence } from "../../api/execution";

/** A file field: one upload (photo, PDF, Word, Excel) kept as its stored file's id. */
function FileValue({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled: boolean;
}) {
  const { message } = App.useApp();
  const [name, setName] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  return (
    <Flex gap={8} align="center" wrap>
      {value && (
        <a href={fileUrl(value, true)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {name ?? "已上传的附件"}
        </a>
      )}
      <Upload
        accept="image/*,.pdf,.docx,.xlsx"
        showUploadList={false}
        disabled={disabled}
        customRequest={({ file }) => {
          setUploading(true);
          uploadEvidence(file as File)
            .then((stored) => {
              setName(stored.filename);
              onChange?.(stored.id);
            })
            .catch((error: Error) => message.error(error.message))
            .finally(() => setUploading(false));
        }}
      >
        <Button id={id} icon={<UploadOutlined />} loading={uploading}>
          {value ? "重新上传" : "上传附件"}
        </Button>
      </Upload>
    </Flex>
  );
}

/** The label a unit sees: the field's name with its unit, e.g. 在园幼儿数（人）. */
export function fieldLabel(field: FormField): string {
  const unit = field.type === "percent" ? "%" : field.unit;
  return `${field.label}${unit ? `（${unit}）` : ""}`;
}

/** The hint under a field: its help text and its bounds, as the server will check them. */
function fieldHint(field: FormField): string | undefined {
  const bounds: string[] = [];
  const isText = field.type === "text";
  if (field.min !== null && field.min !== undefined)
    bounds.push(`${isText ? "至少" : "不小于"} ${field.min}`);
  if (field.max !== null && field.max !== undefined)
    bounds.push(`${isText ? "至多" : "不大于"} ${field.max}`);
  const words = [field.help ?? "", bounds.length ? `${bounds.join("，")}${isText ? " 字" : ""}` : ""];
  return words.filter(Boolean).join("；") || undefined;
}

/** The control of one field type, sized for a finger on a phone; numbers bring up the numeric keyboard. */
function control(field: FormField, disabled: boolean): ReactNode {
  const id = `field-${field.key}`;
  switch (field.type) {
    case "integer":
      return <InputNumber id={id} precision={0} inputMode="numeric" style={{ width: "100%" }} />;
    case "decimal":
    case "percent":
      return (
        <InputNumber
          id={id}
          precision={field.decimals ?? undefined}
          inputMode="decimal"
          style={{ width: "100%" }}
        />
      );
    case "boolean":
      return (
        <Radio.Group id={id} optionType="button" buttonStyle="solid" disabled={disabled}>
          <Radio value={true}>是</Radio>
          <Radio value={false}>否</Radio>
        </Radio.Group>
      );
    case "choice":
      return (field.options ?? []).length > 5 ? (
        <Select id={id} allowClear options={(field.options ?? []).map((o) => ({ value: o, label: o }))} />
      ) : (
        <Radio.Group id={id} options={field.options ?? []} />
      );
    case "multi_choice":
      return <Checkbox.Group options={field.options ?? []} />;
    case "date":
      return <DatePicker id={id} inputReadOnly style={{ width: "100%" }} />;
    case "text":
      return <Input.TextArea id={id} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={field.max ?? 2000} />;
    case "file":
      return <FileValue id={id} disabled={disabled} />;
  }
}

// A date is kept as YYYY-MM-DD in the values; the picker works with dayjs.
const dateProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === "string" && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null),
};

/** One field of a submission as a form row: label, control, hint, and the error the server or check puts on it. */
export function FieldInput({ field, disabled }: { field: FormField; disabled: boolean }) {
  return (
    <Form.Item
      name={["values", field.key]}
      label={fieldLabel(field)}
      htmlFor={`field-${field.key}`}
      required={field.required}
      extra={fieldHint(field)}
      {...(field.type === "date" ? dateProps : {})}
    >
      {control(field, disabled)}
    </Form.Item>
  );
}
