import type { Cockpit, CockpitAttention } from "@duban/domain";
import { Button, Card, Empty, Flex, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { LightTag } from "../../components/light-tag";
import { taskLink, unitWorkLink } from "./cockpit-links";
import { RaiseNoticeDialog } from "./raise-notice-dialog";

/** The 督办 button of an item: only for those who may raise 督办单, and only when a unit is addressed. */
function RaiseButton({ item, onRaise }: { item: CockpitAttention; onRaise: () => void }) {
  const button = (
    <Button size="small" danger={item.light === "red"} disabled={!item.unitId} onClick={onRaise}>
      督办
    </Button>
  );
  return item.unitId ? button : <Tooltip title="该任务未确定牵头单位，请先在任务页指定">{button}</Tooltip>;
}

/** 需要关注: the ten most urgent items (red tasks, units with most missing reports) with one-click 督办. */
export function AttentionCard({ cockpit }: { cockpit: Cockpit }) {
  const [raising, setRaising] = useState<CockpitAttention | null>(null);
  return (
    <Card title="需要关注" size="small">
      {cockpit.attention.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无需要关注的事项" />
      ) : (
        <ol aria-label="需要关注" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {cockpit.attention.map((item, index) => (
            <li
              key={`${item.kind}:${item.nodeId}:${item.unitId ?? ""}`}
              style={{ borderBottom: "1px solid #f0f0f0", padding: "8px 0" }}
            >
              <Flex gap={8} align="center" justify="space-between">
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                    {item.light && <LightTag light={item.light} />}
                    <Link to={taskLink(cockpit.planId, item.nodeId)}>{item.title}</Link>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.unitId && item.unitName ? (
                      <Link to={unitWorkLink(item.unitId)}>{item.unitName}</Link>
                    ) : (
                      (item.unitName ?? "未定牵头单位")
                    )}
                    {" · "}
                    {item.reason}
                  </Typography.Text>
                </Flex>
                {cockpit.abilities.raiseNotices && (
                  <RaiseButton item={item} onRaise={() => setRaising(item)} />
                )}
              </Flex>
            </li>
          ))}
        </ol>
      )}
      {raising && <RaiseNoticeDialog item={raising} today={cockpit.asOf} onClose={() => setRaising(null)} />}
    </Card>
  );
}
