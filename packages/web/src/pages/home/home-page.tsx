import { roleLabels } from "@duban/domain";
import { Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Tag, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useMyWork } from "../../api/execution";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { useTablePaging } from "../../hooks/use-table-paging";
import { emptyWorkText, WorkList } from "./work-lists";

// The cockpit and its charts load only for those whose home page it is, so a school's phone never fetches them.
const HomeCockpit = lazy(() => import("../cockpit/home-cockpit").then((m) => ({ default: m.HomeCockpit })));

/** 上午好 / 下午好 … by the browser's clock. */
function greeting(hour: number): string {
  if (hour < 6) return "夜深了";
  if (hour < 12) return "上午好";
  if (hour < 14) return "中午好";
  if (hour < 18) return "下午好";
  return "晚上好";
}

/** The to-dos of 我的工作, or an empty state that says what would appear for the user's roles. */
function MyWorkLists() {
  const me = useSignedInUser();
  const { paging, pagination } = useTablePaging();
  const work = useMyWork(paging);
  if (work.isPending) return <Skeleton active />;
  if (work.isError) return <Result status="warning" title={work.error.message} />;
  if (work.data.total === 0)
    return (
      <Card aria-label="待办事项">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyWorkText(me.roles)} />
      </Card>
    );
  return <WorkList page={work.data} pagination={pagination(work.data.total)} />;
}

/**
 * 工作台: a greeting, the 领导驾驶舱 for those whose home page it is (leaders, 督查室), what the user must do now
 * (most urgent first), and who they are.
 */
export function HomePage() {
  const me = useSignedInUser();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {greeting(new Date().getHours())}，{me.name}
      </Typography.Title>
      {me.abilities.cockpit.home && (
        <section aria-label="领导驾驶舱">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            领导驾驶舱
          </Typography.Title>
          <Suspense fallback={<Skeleton active />}>
            <HomeCockpit />
          </Suspense>
        </section>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            我的工作
          </Typography.Title>
          <MyWorkLists />
        </Col>
        <Col xs={24} lg={8}>
          <Card title="我的信息" size="small">
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
      </Row>
    </Flex>
  );
}
