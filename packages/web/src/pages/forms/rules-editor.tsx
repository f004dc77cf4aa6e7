import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { checkRule, type FormField, parseRule } from "@duban/domain";
import { Button, Card, Flex, Form, Input, Typography } from "antd";

/** What the live check says of a rule as typed: null when it reads well, else the problem in Chinese. */
export function ruleProblem(source: string | undefined, fields: FormField[]): string | null {
  const text = source?.trim() ?? "";
  if (text === "") return "请填写规则，如：公办在园幼儿数 <= 在园幼儿总数";
  // The fields being edited may be half filled in; only named ones can be referred to.
  const named = fields.filter((f) => f?.label?.trim());
  try {
    const parsed = parseRule(text, named);
    if (!parsed.ok) return `第 ${parsed.at + 1} 个字符处：${parsed.message}`;
    return checkRule(parsed.ast, named)[0] ?? null;
  } catch {
    return "规则暂时无法检查，保存时由服务器检查";
  }
}

/** The live check line under a rule. */
function RuleCheck({ name }: { name: number }) {
  const form = Form.useFormInstance();
  // A watch is empty until after the first render; the store already holds the initial values.
  const source = (Form.useWatch(["rules", name, "source"], form) ??
    form.getFieldValue(["rules", name, "source"])) as string | undefined;
  // `preserve` keeps each field's key, which has no input of its own.
  const fields = (Form.useWatch("fields", { form, preserve: true }) ??
    form.getFieldValue("fields") ??
    []) as FormField[];
  const problem = ruleProblem(source, fields);
  return (
    <Typography.Text type={problem ? "danger" : "success"} role="status" aria-label="规则检查">
      {problem ?? "规则可用"}
    </Typography.Text>
  );
}

/**
 * Cross-field rules（校验规则）: each an expression over one submission's fields written with their names, and
 * the message a unit sees when it does not hold; checked as typed.
 */
export function RulesEditor() {
  return (
    <Form.List name="rules">
      {(items, { add, remove }) => (
        <Flex vertical gap={12}>
          {items.length === 0 && (
            <Typography.Text type="secondary">
              没有校验规则。可添加如“公办在园幼儿数 &lt;= 在园幼儿总数”的规则，填报时逐条检查。
            </Typography.Text>
          )}
          {items.map((item, index) => (
            <Card
              key={item.key}
              size="small"
              title={`规则 ${index + 1}`}
              extra={
                <Button
                  size="small"
                  type="text"
                  danger
                  aria-label="删除规则"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(item.name)}
                />
              }
            >
              <Form.Item
                name={[item.name, "source"]}
                label="规则"
                rules={[{ required: true, whitespace: true, message: "请填写规则" }]}
                style={{ marginBottom: 4 }}
              >
                <Input maxLength={500} placeholder="如：公办在园幼儿数 <= 在园幼儿总数" />
              </Form.Item>
              <RuleCheck name={item.name} />
              <Form.Item
                name={[item.name, "message"]}
                label="不符合时的提示"
                rules={[{ required: true, whitespace: true, message: "请填写提示" }]}
                style={{ marginTop: 8, marginBottom: 0 }}
              >
                <Input maxLength={200} placeholder="如：公办在园幼儿数不能超过在园幼儿总数" />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ source: "", message: "" })}>
            添加校验规则
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
