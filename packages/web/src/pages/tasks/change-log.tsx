import type { PlanTreeNode } from "@duban/domain";
import { Drawer, Empty, Spin, Timeline, Typography } from "antd";
import { useMemo } from "react";
import { usePlanChanges } from "../../api/decompose";
import { useUnitOptions } from "../../api/units";
import { formatDateTime } from "../../components/date-format";
import {
  changedFields,
  changeFieldLabels,
  changesOfNode,
  changeTitle,
  formatChangeValue,
} from "./change-format";

/** 变更记录: who changed what on this task after publishing, when and why. */
export function ChangeLog({
  planId,
  node,
  open,
  onClose,
}: {
  planId: string;
  node: PlanTreeNode;
  open: boolean;
  onClose: () => void;
}) {
  const changes = usePlanChanges(planId, open);
  const units = useUnitOptions();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const mine = useMemo(() => changesOfNode(changes.data ?? [], node), [changes.data, node]);
  return (
    <Drawer title="变更记录" open={open} onClose={onClose} size="large">
      {changes.isPending ? (
        <Spin />
      ) : mine.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="发布后暂无变更" />
      ) : (
        <Timeline
          items={mine.map((change) => ({
            key: change.id,
            content: (
              <div>
                <Typography.Text strong>{changeTitle(change)}</Typography.Text>
                <Typography.Text type="secondary">
                  {" "}
                  · {change.actorName ?? "—"} · {formatDateTime(change.at)}
                </Typography.Text>
                <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
                  {changedFields(change).map(({ field, before, after }) => (
                    <li key={field}>
                      {changeFieldLabels[field] ?? field}：
                      {change.action === "create" ? (
                        formatChangeValue(field, after, unitNames)
                      ) : (
                        <>
                          <Typography.Text delete type="secondary">
                            {formatChangeValue(field, before, unitNames)}
                          </Typography.Text>
                          {" → "}
                          {formatChangeValue(field, after, unitNames)}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                {change.reason && <div>原因：{change.reason}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
