import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { PlanTreeNode } from "@duban/domain";
import { Button, Flex } from "antd";
import { useState } from "react";
import { IndicatorDialog } from "./indicator-dialog";
import { MeasureDialog } from "./measure-dialog";
import { MilestoneDialog } from "./milestone-dialog";
import { NodeEditDialog } from "./node-edit-dialog";

type Dialog = "node" | "measure" | "indicator" | "milestone" | null;

/** 分解 after publishing: edit the task and add measures, indicators and milestones, each with a reason. */
export function DecomposeToolbar({ node }: { node: PlanTreeNode }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Flex wrap gap={8} aria-label="分解">
      <Button icon={<EditOutlined />} onClick={() => setDialog("node")}>
        编辑任务
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setDialog("measure")}>
        新增措施
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setDialog("indicator")}>
        新增指标
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setDialog("milestone")}>
        新增节点
      </Button>
      {dialog === "node" && (
        <NodeEditDialog node={node} canChangeLead={node.abilities.changeLead} onClose={close} />
      )}
      {dialog === "measure" && <MeasureDialog nodeId={node.id} onClose={close} />}
      {dialog === "indicator" && <IndicatorDialog nodeId={node.id} onClose={close} />}
      {dialog === "milestone" && <MilestoneDialog nodeId={node.id} onClose={close} />}
    </Flex>
  );
}
