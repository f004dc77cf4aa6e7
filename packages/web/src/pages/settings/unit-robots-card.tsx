import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import type { ChannelSetting } from "../../api/channels";
import { useUnitOptions } from "../../api/units";
import { formatDateTime } from "../../components/date-format";
import { type RobotKind, robotKindLabels } from "./channel-labels";
import { UnitRobotModal, type UnitRobotTarget } from "./unit-robot-modal";

/** A unit's robot as listed, with the unit's name. */
interface UnitRobotRow extends ChannelSetting {
  unitId: string;
  kind: RobotKind;
  unitName: string;
}

/** Whether a setting is a unit's group robot. */
function isUnitRobot(c: ChannelSetting): c is ChannelSetting & { unitId: string; kind: RobotKind } {
  return c.unitId !== null && c.kind !== "email";
}

/**
 * 单位群机器人: the units' own 企业微信/钉钉 robots, each listed with its state and a button to change it, and a
 * button to add one. `channels` is every setting of the tenant, as GET /api/channels gives them.
 */
export function UnitRobotsCard({ channels }: { channels: ChannelSetting[] }) {
  const units = useUnitOptions();
  // null: closed; a target without unitId: adding; with one: changing that unit's robot.
  const [target, setTarget] = useState<UnitRobotTarget | null>(null);
  const rows = useMemo(() => {
    const names = new Map((units.data ?? []).map((u) => [u.id, u.name]));
    // Only enabled units are offered; a robot's unit may have been disabled since.
    const missingUnitName = units.isError ? "（单位名称读取失败）" : "（单位已停用）";
    return channels
      .filter(isUnitRobot)
      .map((c) => ({ ...c, unitName: names.get(c.unitId) ?? missingUnitName }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, "zh-CN") || a.kind.localeCompare(b.kind));
  }, [channels, units.data, units.isError]);

  const columns: TableColumnsType<UnitRobotRow> = [
    { title: "单位", dataIndex: "unitName" },
    { title: "类型", dataIndex: "kind", width: 100, render: (kind: RobotKind) => robotKindLabels[kind] },
    {
      title: "状态",
      dataIndex: "enabled",
      width: 90,
      render: (enabled: boolean) => (enabled ? <Tag color="success">已启用</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: "Webhook",
      dataIndex: "webhookHint",
      render: (hint: string | null) => (
        <Typography.Text style={{ wordBreak: "break-all" }}>{hint ?? "—"}</Typography.Text>
      ),
    },
    {
      title: "加签",
      key: "secret",
      width: 90,
      // 企业微信 robots have no 加签.
      render: (_, row) => (row.kind === "dingtalk" ? (row.hasSecret ? "已设置" : "未设置") : "—"),
    },
    {
      title: "最近修改",
      dataIndex: "updatedAt",
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: "操作",
      key: "actions",
      width: 80,
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          aria-label={`修改${row.unitName}的${robotKindLabels[row.kind]}机器人`}
          onClick={() => setTarget({ unitId: row.unitId, kind: row.kind, unitName: row.unitName })}
        >
          修改
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="单位群机器人"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setTarget({})}>
          添加单位机器人
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {"给学校或科室设置自己的群机器人后，发给该单位的催办提醒（即将到期、到期、逾期及升级给单位负责人）改发到它，" +
          "不再发到局机关同类型的机器人；局机关另一类型的机器人照常收到。发给督查室的升级提醒只发到局机关的机器人。"}
      </Typography.Paragraph>
      <Table<UnitRobotRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={units.isLoading}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: <Empty description="暂无单位群机器人：各单位的催办消息发送到上面的局机关群机器人" />,
        }}
      />
      <UnitRobotModal
        target={target}
        channels={channels}
        units={units.data ?? []}
        unitsLoading={units.isLoading}
        onClose={() => setTarget(null)}
      />
    </Card>
  );
}
