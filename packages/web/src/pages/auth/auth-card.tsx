import { Card, Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** The centred card of the login and change-password pages, narrow enough for a phone. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh", padding: 16, background: "#f5f5f5" }}>
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <Typography.Title level={2} style={{ textAlign: "center", marginTop: 0 }}>
          督办
        </Typography.Title>
        <Typography.Title level={4} style={{ textAlign: "center", marginTop: 0, fontWeight: 400 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}
