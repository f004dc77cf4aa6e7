import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { type FormField, type FormFieldType, formFieldTypeLabels, formFieldTypes } from "@duban/domain";
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { optionsOf } from "../../components/select-options";

const typeOptions = optionsOf(formFieldTypes, formFieldTypeLabels);
const numeric = (type: FormFieldType) => type === "integer" || type === "decimal" || type === "percent";

/** A key no field of the form has yet (`f1`, `f2`, …): kept for good, since formulas refer to fields by key. */
export function nextFieldKey(fields: Pick<FormField, "key">[]): string {
  const used = new Set(fields.map((f) => f.key));
  let n = fields.length + 1;
  while (used.has(`f${n}`)) n++;
  return `f${n}`;
}

/** A new field of a type, with the settings that type uses. */
export function blankField(key: string, type: FormFieldType = "integer"): FormField {
  return {
    key,
    label: "",
    type,
    required: true,
    min: type === "percent" ? 0 : null,
    max: type === "percent" ? 100 : null,
    decimals: type === "decimal" ? 2 : type === "percent" ? 1 : null,
    unit: type === "percent" ? "%" : null,
    options: type === "choice" || type === "multi_choice" ? [] : null,
    help: null,
  };
}

/** The settings one field type uses, beside its label, type and required flag. */
function FieldSettings({ name, type }: { name: number; type: FormFieldType }) {
  const boundLabel = type === "text" ? "字数" : "";
  return (
    <Row gutter={12}>
      {(numeric(type) || type === "text") && (
        <>
          <Col xs={12} md={6}>
            <Form.Item name={[name, "min"]} label={`最小${boundLabel}值`}>
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={[name, "max"]} label={`最大${boundLabel}值`}>
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </>
      )}
      {(type === "decimal" || type === "percent") && (
        <Col xs={12} md={6}>
          <Form.Item name={[name, "decimals"]} label="小数位数">
            <InputNumber min={0} max={6} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      )}
      {numeric(type) && (
        <Col xs={12} md={6}>
          <Form.Item name={[name, "unit"]} label="计量单位">
            <Input maxLength={10} placeholder="如：人、所" />
          </Form.Item>
        </Col>
      )}
      {(type === "choice" || type === "multi_choice") && (
        <Col span={24}>
          <Form.Item
            name={[name, "options"]}
            label="选项"
            rules={[{ required: true, type: "array", min: 1, message: "请至少填写一个选项" }]}
            extra="输入一个选项后按回车"
          >
            <Select mode="tags" open={false} suffixIcon={null} placeholder="如：一级、二级、三级" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/**
 * The fields of a form as an editable list: label, type, required, bounds, decimals, unit and options. Once the
 * form has been sent, the types of the fields it was sent with are fixed (`fixedTypes`); a field a computed
 * indicator's formula uses cannot be removed (`inUse`: key → the indicator's name).
 */
export function FieldsEditor({
  fixedTypes,
  inUse,
}: {
  fixedTypes: ReadonlySet<string>;
  inUse: ReadonlyMap<string, string>;
}) {
  const form = Form.useFormInstance();
  return (
    <Form.List name="fields">
      {(items, { add, remove, move }) => (
        <Flex vertical gap={12}>
          {items.length === 0 && (
            <Typography.Text type="secondary">还没有字段，点击“添加字段”开始设计报表。</Typography.Text>
          )}
          {items.map((item, index) => {
            const field = form.getFieldValue(["fields", item.name]) as FormField;
            const fixed = fixedTypes.has(field.key);
            const usedBy = inUse.get(field.key);
            return (
              <Card
                key={item.key}
                size="small"
                title={`字段 ${index + 1}`}
                role="group"
                aria-label={`字段 ${index + 1}`}
                extra={
                  <Flex gap={4}>
                    <Button
                      size="small"
                      type="text"
                      aria-label="上移"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      type="text"
                      aria-label="下移"
                      icon={<ArrowDownOutlined />}
                      disabled={index === items.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Button
                      size="small"
                      type="text"
                      danger
                      aria-label="删除字段"
                      icon={<DeleteOutlined />}
                      disabled={usedBy !== undefined}
                      title={usedBy ? `计算指标“${usedBy}”的公式用到此字段，不能删除` : undefined}
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[item.name, "label"]}
                      label="字段名称"
                      rules={[{ required: true, whitespace: true, message: "请填写字段名称" }]}
                    >
                      <Input maxLength={50} placeholder="如：在园幼儿数" />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={8}>
                    <Form.Item name={[item.name, "type"]} label="类型">
                      <Select
                        options={typeOptions}
                        disabled={fixed}
                        title={fixed ? "报表已下发，字段类型不能再改" : undefined}
                        onChange={(type: FormFieldType) =>
                          // A new type brings its own settings; the label and required flag stay.
                          form.setFieldValue(["fields", item.name], {
                            ...blankField(field.key, type),
                            label: form.getFieldValue(["fields", item.name, "label"]),
                            required: form.getFieldValue(["fields", item.name, "required"]),
                          })
                        }
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={6}>
                    <Form.Item name={[item.name, "required"]} valuePropName="checked" label=" ">
                      <Checkbox>必填</Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item noStyle dependencies={[["fields", item.name, "type"]]}>
                  {() => (
                    <FieldSettings
                      name={item.name}
                      type={form.getFieldValue(["fields", item.name, "type"]) as FormFieldType}
                    />
                  )}
                </Form.Item>
                <Form.Item name={[item.name, "help"]} label="填写说明" style={{ marginBottom: 0 }}>
                  <Input maxLength={200} placeholder="选填，显示在字段下方" />
                </Form.Item>
              </Card>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(blankField(nextFieldKey(form.getFieldValue("fields") ?? [])))}
          >
            添加字段
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
