import { Tag } from "antd";
import { formatDay } from "./plan-format";

/** 签收 state of an assignment; 未签收 stands out for whoever assigned it. */
export function AcknowledgedTag({ at, highlight = false }: { at: string | null; highlight?: boolean }) {
  if (at) return <Tag color="success">已签收 {formatDay(at)}</Tag>;
  return <Tag color={highlight ? "volcano" : "default"}>未签收</Tag>;
}
