import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** A page title with the page's main actions beside it (wrapping below on phones). */
export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <Flex wrap align="center" justify="space-between" gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {actions && (
        <Flex wrap gap={8}>
          {actions}
        </Flex>
      )}
    </Flex>
  );
}
