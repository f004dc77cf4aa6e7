import type { PastYearMode } from "@duban/domain";
import { Button, Flex, Modal, Typography } from "antd";

/**
 * Asked when the plan to publish is of a year that is over: a record of that year (published archived: no 催办,
 * no automatic 督办单) or work still followed up (继续督办). Every date of such a plan is past, so followed up
 * it would be overdue everywhere at once.
 */
export function PastYearDialog({
  year,
  onChoose,
  onCancel,
}: {
  year: number;
  onChoose: (mode: PastYearMode) => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      open
      title={`${year} 年的计划，年度已过`}
      onCancel={onCancel}
      footer={
        <Flex gap={8} justify="end" wrap>
          <Button onClick={onCancel}>取消</Button>
          <Button onClick={() => onChoose("record")}>作为存档发布</Button>
          <Button type="primary" onClick={() => onChoose("live")}>
            继续督办
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>
        作为存档发布：计划归档，可查阅，不再催办，也不会自动生成督办单。
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        继续督办：像本年度计划一样催办和督办；其中的时限都已过去，交办后会立即显示为逾期。
      </Typography.Paragraph>
    </Modal>
  );
}
