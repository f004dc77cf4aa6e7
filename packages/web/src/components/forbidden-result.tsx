import { Button, Result } from "antd";
import { Link } from "react-router";

/** The 403 page shown for a route the user may not use. */
export function ForbiddenResult() {
  return (
    <Result
      status="403"
      title="403"
      subTitle="无权访问此页面"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
