import type { PlanTreeNode } from "@duban/domain";
import { Button } from "antd";
import { useState } from "react";
import { InstructionButton } from "../../components/instructions-panel";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { NoticeCreateDialog } from "../notices/notice-create-dialog";

/** The task page's 督办 actions: a leader's 批示, and 下发督办单 for the supervisor or a leader. */
export function TaskSupervisionActions({ node }: { node: PlanTreeNode }) {
  const me = useSignedInUser();
  const [raising, setRaising] = useState(false);
  const canRaise = me.abilities.raiseNotices;
  return (
    <>
      <InstructionButton
        entity="plan_node"
        entityId={node.id}
        unitId={node.leadUnit?.id}
        subject={`${node.label ?? ""}${node.title}`}
      />
      {canRaise && <Button onClick={() => setRaising(true)}>下发督办单</Button>}
      {raising && <NoticeCreateDialog nodeId={node.id} onClose={() => setRaising(false)} />}
    </>
  );
}
