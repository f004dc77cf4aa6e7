import type { Instruction } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Flex, Result, Spin, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { apiRequest } from "../../api/client";
import { acknowledgeInstruction, instructionsKey } from "../../api/instructions";
import { notificationsKey } from "../../api/notifications";
import { formatDateTime } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { useWrite } from "../../hooks/use-write";

const entityLabels: Record<Instruction["entity"], string> = {
  plan_node: "任务",
  report: "反馈",
  notice: "督办单",
  rectification: "整改事项",
};

/** Where the item an instruction is written on opens, where the instruction alone tells. */
export function instructionItemLink(i: Pick<Instruction, "entity" | "entityId">): string | null {
  if (i.entity === "notice") return `/notices/${i.entityId}`;
  if (i.entity === "rectification") return `/rectifications/${i.entityId}`;
  return null;
}

/** 领导批示 (`/instructions/:id`): what a 批示 notification opens — the text, its state and 签收. */
export function InstructionDetailPage() {
  const { id = "" } = useParams();
  const instruction = useQuery({
    queryKey: [...instructionsKey, "one", id],
    queryFn: ({ signal }) => apiRequest<Instruction>(`/instructions/${id}`, { signal }),
  });
  if (instruction.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (instruction.isError) return <Result status="warning" title={instruction.error.message} />;
  return <InstructionView instruction={instruction.data} />;
}

function InstructionView({ instruction: i }: { instruction: Instruction }) {
  const ack = useWrite({
    mutationFn: () => acknowledgeInstruction(i.id),
    success: "已签收批示",
    refresh: instructionsKey,
    also: [notificationsKey],
  });
  const item = instructionItemLink(i);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <PageHeader
        title="领导批示"
        actions={
          i.abilities.acknowledge && (
            <Button type="primary" loading={ack.isPending} onClick={() => ack.mutate(undefined)}>
              签收
            </Button>
          )
        }
      />
      <Card>
        <Typography.Paragraph style={{ fontSize: 16, whiteSpace: "pre-wrap" }}>{i.text}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="批示领导">{i.leader.name}</Descriptions.Item>
          <Descriptions.Item label="批示时间">{formatDateTime(i.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="责任单位">{i.unit.name}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={i.acknowledgedAt ? "green" : "orange"}>{i.state}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="批示对象">
            {item ? <Link to={item}>{entityLabels[i.entity]}</Link> : entityLabels[i.entity]}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Flex>
  );
}
