import { Alert, Button, Card, Form, Input, Skeleton, Typography } from "antd";
import { useEffect } from "react";
import { documentNumbersKey, saveDocumentNumbers, useDocumentNumbers } from "../../api/document-numbers";
import { PageHeader } from "../../components/page-header";
import { useWrite } from "../../hooks/use-write";

interface Values {
  bulletin: string;
  notice: string;
}

/** 文号设置 (`/settings/document-numbers`): the 机关代字 of 督查通报 and 督办通知单, each numbered per year from 1. */
export function DocumentNumbersPage() {
  const settings = useDocumentNumbers();
  const [form] = Form.useForm<Values>();
  const editable = settings.data?.abilities.update ?? false;
  const save = useWrite({
    // The version the form was filled from: a save by someone else since then answers 409 and reloads.
    mutationFn: (values: Values) => saveDocumentNumbers({ ...values, version: settings.data?.version ?? 0 }),
    success: "文号设置已保存",
    refresh: documentNumbersKey,
    form,
  });

  useEffect(() => {
    if (!settings.data) return;
    const prefix = (series: string) => settings.data.series.find((s) => s.series === series)?.prefix ?? "";
    form.setFieldsValue({ bulletin: prefix("bulletin"), notice: prefix("notice") });
  }, [settings.data, form]);

  if (settings.isError) return <Alert type="error" showIcon message="文号设置加载失败，请刷新页面重试" />;
  if (!settings.data) return <Skeleton active />;
  return (
    <>
      <PageHeader title="文号设置" />
      <Typography.Paragraph type="secondary">
        印发督查通报、下发督办单时按“前缀〔年份〕序号号”编发文号，每年从 1
        号起；已编发的文号不随前缀修改而改变。
      </Typography.Paragraph>
      <Card style={{ maxWidth: 560 }}>
        <Form
          form={form}
          layout="vertical"
          disabled={!editable}
          onFinish={(values) =>
            save.mutate({ bulletin: values.bulletin.trim(), notice: values.notice.trim() })
          }
        >
          {settings.data.series.map((s) => (
            <Form.Item
              key={s.series}
              name={s.series}
              label={`${s.label}文号前缀`}
              extra={`今年第一个：${s.example}${s.isDefault ? "（默认）" : ""}`}
              rules={[{ required: true, whitespace: true, message: "请填写文号前缀" }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          ))}
          {editable && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          )}
        </Form>
      </Card>
    </>
  );
}
