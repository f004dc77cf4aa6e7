import { Button, Result } from "antd";
import { Link } from "react-router";

/** The 404 page for unknown routes. */
export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="404"
      subTitle="页面不存在"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
