import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Layout, Typography, theme } from "antd";
import { Suspense, useState } from "react";
import { Outlet } from "react-router";
import { useIsMobile } from "../hooks/use-is-mobile";
import { useSignedInUser } from "../hooks/use-signed-in-user";
import { HeaderSearch } from "./header-search";
import { NotificationBell } from "./notification-bell";
import { FullPageSpin } from "./require-auth";
import { SideMenu } from "./side-menu";
import { UserMenu } from "./user-menu";

// Ant Design's header height; the sticky side menu starts below it.
const headerHeight = 64;

/** The signed-in frame: header with the user menu, a side menu (a drawer on phones) and the page. */
export function AppLayout() {
  const me = useSignedInUser();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 12,
          paddingInline: isMobile ? 12 : 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          height: headerHeight,
          position: "sticky",
          top: 0,
          zIndex: 10,
        }}
      >
        {isMobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label="打开菜单"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: "nowrap" }}>
          督办
        </Typography.Title>
        {!isMobile && (
          <Typography.Text type="secondary" ellipsis>
            {me.tenant.name}
          </Typography.Text>
        )}
        <Flex flex={1} justify="flex-end" align="center" gap={4}>
          <HeaderSearch compact={isMobile} />
          <NotificationBell />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        {isMobile ? (
          <Drawer
            placement="left"
            size={240}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={me.tenant.name}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            width={208}
            theme="light"
            breakpoint="lg"
            collapsible
            // The menu stays in view on long pages instead of scrolling away and leaving an empty column.
            style={{
              position: "sticky",
              top: headerHeight,
              height: `calc(100vh - ${headerHeight}px)`,
              overflow: "auto",
            }}
          >
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
