import { Tag } from "antd";

/** 启用 / 停用 status of a record. */
export function EnabledTag({ enabled }: { enabled: boolean }) {
  return enabled ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>;
}
