import { roleLabels } from "@duban/domain";
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from "antd";
import { useSignedInUser } from "../../hooks/use-signed-in-user";

/** 上午好 / 下午好 … by the browser's clock. */
function greeting(hour: number): string {
  if (hour < 6) return "夜深了";
  if (hour < 12) return "上午好";
  if (hour < 14) return "中午好";
  if (hour < 18) return "下午好";
  return "晚上好";
}

/** 工作台: who you are, where you work, and your to-dos (none yet in the foundation). */
export function HomePage() {
  const me = useSignedInUser();
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {greeting(new Date().getHours())}，{me.name}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="我的信息">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="教育局">{me.tenant.name}</Descriptions.Item>
              <Descriptions.Item label="所在单位">{me.unit?.name ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="账号">{me.login}</Descriptions.Item>
              <Descriptions.Item label="角色">
                {me.roles.map((role) => (
                  <Tag key={role} color="red">
                    {roleLabels[role]}
                  </Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="待办事项">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
