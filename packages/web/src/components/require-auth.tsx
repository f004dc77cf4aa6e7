import { Button, Flex, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useMe } from "../api/auth";

/** Renders its children only with a session; otherwise sends the user to log in and come back. */
export function RequireAuth({
  children,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const location = useLocation();
  const { data: me, isPending, isError, error, refetch } = useMe();
  if (isPending) return <FullPageSpin />;
  if (isError) {
    return (
      <Result
        status="error"
        title="无法加载登录信息"
        subTitle={error.message}
        extra={<Button onClick={() => void refetch()}>重试</Button>}
      />
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const target = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  if (me.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return children;
}

/** A spinner filling the page while the session loads. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: "60vh" }}>
      <Spin size="large" />
    </Flex>
  );
}
