import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { BulletinBlock } from "@duban/domain";
import { Button, Card, Flex, Input, Select, Space, Tooltip } from "antd";
import { TableBlockEditor } from "./table-block-editor";

/** The name of a block's kind, as its card shows it. */
const kindLabels = { heading: "标题", paragraph: "段落", table: "表格" } as const;

/** A block added at the end: an empty paragraph, a heading, or a two-by-two table. */
export function newBlock(type: BulletinBlock["type"]): BulletinBlock {
  if (type === "heading") return { type, level: 1, text: "新标题" };
  if (type === "table")
    return {
      type,
      rows: [
        ["表头", "表头"],
        ["", ""],
      ],
    };
  return { type, text: "" };
}

/** The blocks with one moved up (-1) or down (+1); unchanged at either end. */
export function moveBlock(blocks: readonly BulletinBlock[], index: number, by: -1 | 1): BulletinBlock[] {
  const to = index + by;
  if (to < 0 || to >= blocks.length) return [...blocks];
  const next = [...blocks];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/**
 * The body of a draft 通报 as a list of blocks (headings, paragraphs, tables) to edit, add, remove and move:
 * what a 公文 needs, without a word processor in the page.
 */
export function BlockEditor({
  value,
  onChange,
}: {
  value: BulletinBlock[];
  onChange: (blocks: BulletinBlock[]) => void;
}) {
  const replace = (index: number, block: BulletinBlock) =>
    onChange(value.map((b, i) => (i === index ? block : b)));
  return (
    <Flex vertical gap={12}>
      {value.map((block, index) => {
        const n = index + 1;
        return (
          <Card
            // Blocks have no id of their own; their position is their identity while editing.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            size="small"
            role="group"
            aria-label={`第${n}块`}
            title={`${n}. ${kindLabels[block.type]}`}
            extra={
              <Space size={4}>
                <Tooltip title="上移">
                  <Button
                    size="small"
                    aria-label="上移"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => onChange(moveBlock(value, index, -1))}
                  />
                </Tooltip>
                <Tooltip title="下移">
                  <Button
                    size="small"
                    aria-label="下移"
                    icon={<ArrowDownOutlined />}
                    disabled={index === value.length - 1}
                    onClick={() => onChange(moveBlock(value, index, 1))}
                  />
                </Tooltip>
                <Tooltip title="删除">
                  <Button
                    size="small"
                    danger
                    aria-label="删除"
                    icon={<DeleteOutlined />}
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                  />
                </Tooltip>
              </Space>
            }
          >
            <BlockFields block={block} n={n} onChange={(b) => replace(index, b)} />
          </Card>
        );
      })}
      <Space wrap>
        {(["heading", "paragraph", "table"] as const).map((type) => (
          <Button key={type} icon={<PlusOutlined />} onClick={() => onChange([...value, newBlock(type)])}>
            添加{kindLabels[type]}
          </Button>
        ))}
      </Space>
    </Flex>
  );
}

/** The fields of one block. */
function BlockFields({
  block,
  n,
  onChange,
}: {
  block: BulletinBlock;
  n: number;
  onChange: (block: BulletinBlock) => void;
}) {
  if (block.type === "heading")
    return (
      <Space.Compact style={{ width: "100%" }}>
        <Select
          aria-label={`第${n}块标题级别`}
          value={block.level}
          style={{ width: 120 }}
          options={[
            { value: 1, label: "一级标题" },
            { value: 2, label: "二级标题" },
          ]}
          onChange={(level) => onChange({ ...block, level })}
        />
        <Input
          aria-label={`第${n}块标题`}
          value={block.text}
          onChange={(e) => onChange({ ...block, text: e.target.value })}
        />
      </Space.Compact>
    );
  if (block.type === "paragraph")
    return (
      <Input.TextArea
        aria-label={`第${n}块段落`}
        value={block.text}
        autoSize={{ minRows: 2 }}
        onChange={(e) => onChange({ ...block, text: e.target.value })}
      />
    );
  return <TableBlockEditor rows={block.rows} n={n} onChange={(rows) => onChange({ ...block, rows })} />;
}
