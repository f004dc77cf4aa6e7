import type { Instruction } from "@duban/domain";
import { Button, Card, Empty, Flex, Form, Input, List, Modal, Tag, Typography } from "antd";
import { useState } from "react";
import {
  acknowledgeInstruction,
  createInstruction,
  type InstructionEntity,
  instructionsKey,
  useEntityInstructions,
} from "../api/instructions";
import { notificationsKey } from "../api/notifications";
import { useSignedInUser } from "../hooks/use-signed-in-user";
import { useWrite } from "../hooks/use-write";
import { formatDateTime } from "./date-format";
import { canManage } from "./navigation";

/** 批示: a leader writes an instruction on an item; the responsible unit is notified. */
export function InstructionButton({
  entity,
  entityId,
  unitId,
  subject,
}: {
  entity: InstructionEntity;
  entityId: string;
  unitId?: string;
  subject: string;
}) {
  const me = useSignedInUser();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ text: string }>();
  const write = useWrite({
    mutationFn: (v: { text: string }) => createInstruction({ entity, entityId, unitId, text: v.text.trim() }),
    success: "批示已送达责任单位",
    refresh: instructionsKey,
    form,
    onDone: () => setOpen(false),
  });
  if (!canManage(me, "instructions")) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>批示</Button>
      <Modal
        open={open}
        title={`批示：${subject}`}
        okText="发送批示"
        cancelText="取消"
        confirmLoading={write.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => write.mutate(v)}>
          <Form.Item
            name="text"
            label="批示内容"
            rules={[{ required: true, whitespace: true, message: "请填写批示内容" }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function AcknowledgeInstruction({ instruction }: { instruction: Instruction }) {
  const ack = useWrite({
    mutationFn: () => acknowledgeInstruction(instruction.id),
    success: "已签收批示",
    refresh: instructionsKey,
    also: [notificationsKey],
  });
  return (
    <Button size="small" type="primary" loading={ack.isPending} onClick={() => ack.mutate(undefined)}>
      签收
    </Button>
  );
}

/** One instruction: the leader, the text, the unit and its 签收 state. */
export function InstructionItem({ instruction }: { instruction: Instruction }) {
  const acked = instruction.state === "已签收";
  return (
    <List.Item
      actions={
        instruction.abilities.acknowledge
          ? [<AcknowledgeInstruction key="ack" instruction={instruction} />]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Flex gap={8} wrap align="center">
            <span>{instruction.leader.name} 批示</span>
            <Tag color={acked ? "success" : "warning"}>{instruction.state}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(instruction.createdAt)} · 致 {instruction.unit.name}
            </Typography.Text>
          </Flex>
        }
        description={
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
            {instruction.text}
          </Typography.Paragraph>
        }
      />
    </List.Item>
  );
}

/** 领导批示 on an item, shown only when there are any (or the user may write one). */
export function InstructionsPanel({ entity, entityId }: { entity: InstructionEntity; entityId: string }) {
  const list = useEntityInstructions(entity, entityId);
  const items = list.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="领导批示">
      <List
        size="small"
        dataSource={items}
        loading={list.isPending}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无批示" /> }}
        renderItem={(item) => <InstructionItem instruction={item} />}
      />
    </Card>
  );
}
