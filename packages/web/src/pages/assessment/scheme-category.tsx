import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  type AssessmentCategory,
  type AssessmentItem,
  type AssessmentItemKind,
  assessmentItemKindLabels,
  assessmentItemKinds,
  assessmentTieBreakLabels,
  assessmentTieBreaks,
  schoolTypeLabels,
} from "@duban/domain";
import { Alert, Button, Card, Dropdown, Flex, Input, Select, Table, Tag, Typography } from "antd";
import { optionsOf } from "../../components/select-options";
import { ItemParams } from "./item-params";
import { NumberField } from "./number-field";
import { newItem, type SchemeErrors, scoredSum } from "./scheme-draft";

type Band = AssessmentCategory["bands"][number];

/** One category of a 考评方案: its items with points and parameters, the running sum, grade bands and tie-breaks. */
export function SchemeCategory({
  category,
  total,
  at,
  errors,
  disabled,
  onChange,
}: {
  category: AssessmentCategory;
  total: number;
  /** The category's path in the scheme, e.g. `categories.1`. */
  at: string;
  errors: SchemeErrors;
  disabled: boolean;
  onChange: (category: AssessmentCategory) => void;
}) {
  const errorAt = (path: string) => errors[`${at}.${path}`];
  const setItem = (index: number, item: AssessmentItem) =>
    onChange({ ...category, items: category.items.map((it, i) => (i === index ? item : it)) });
  const setBand = (index: number, band: Band) =>
    onChange({ ...category, bands: category.bands.map((b, i) => (i === index ? band : b)) });
  const sum = scoredSum(category.items);
  const addItem = (kind: AssessmentItemKind) =>
    onChange({
      ...category,
      items: [
        ...category.items,
        newItem(
          kind,
          assessmentItemKindLabels[kind],
          category.items.map((item) => item.key),
        ),
      ],
    });
  return (
    <Flex vertical gap={16}>
      {category.schoolTypes && category.schoolTypes.length > 0 && (
        <Typography.Text type="secondary">
          适用学校：{category.schoolTypes.map((type) => schoolTypeLabels[type]).join("、")}
        </Typography.Text>
      )}
      {errorAt("schoolTypes") && <Alert type="error" showIcon title={errorAt("schoolTypes")} />}
      <Card
        size="small"
        title="考评项"
        extra={
          <Typography.Text type={sum === total ? "success" : "danger"} aria-label="分值合计">
            分值合计 {sum} / {total} 分
          </Typography.Text>
        }
      >
        {errorAt("items") && (
          <Alert type="error" showIcon title={errorAt("items")} style={{ marginBottom: 12 }} />
        )}
        <Table<AssessmentItem>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={category.items}
          scroll={{ x: "max-content" }}
          columns={[
            {
              title: "类型",
              key: "kind",
              width: 96,
              render: (_, item) => <Tag>{assessmentItemKindLabels[item.kind]}</Tag>,
            },
            {
              title: "名称",
              key: "label",
              render: (_, item, i) => (
                <Flex vertical gap={2}>
                  <Input
                    aria-label={`第${i + 1}项名称`}
                    value={item.label}
                    disabled={disabled}
                    status={errorAt(`items.${i}.label`) ? "error" : undefined}
                    style={{ minWidth: 140 }}
                    onChange={(e) => setItem(i, { ...item, label: e.target.value })}
                  />
                  {errorAt(`items.${i}.label`) && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {errorAt(`items.${i}.label`)}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: "分值",
              key: "points",
              width: 110,
              render: (_, item, i) => (
                <NumberField
                  name={`${item.label}分值`}
                  value={item.points}
                  error={errorAt(`items.${i}.points`)}
                  disabled={disabled || item.kind === "manual" || item.kind === "veto"}
                  step={1}
                  onChange={(v) => setItem(i, { ...item, points: v ?? 0 })}
                />
              ),
            },
            {
              title: "参数",
              key: "params",
              render: (_, item, i) => (
                <ItemParams
                  item={item}
                  disabled={disabled}
                  errorAt={(field) => errorAt(`items.${i}.${field}`)}
                  onChange={(next) => setItem(i, next)}
                />
              ),
            },
            ...(disabled
              ? []
              : [
                  {
                    title: "操作",
                    key: "actions",
                    width: 64,
                    render: (_: unknown, item: AssessmentItem, i: number) => (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除${item.label}`}
                        disabled={category.items.length === 1}
                        onClick={() =>
                          onChange({ ...category, items: category.items.filter((_, j) => j !== i) })
                        }
                      />
                    ),
                  },
                ]),
          ]}
        />
        {!disabled && (
          <Dropdown
            menu={{
              items: optionsOf(assessmentItemKinds, assessmentItemKindLabels).map((o) => ({
                key: o.value,
                label: o.label,
              })),
              onClick: ({ key }) => addItem(key as AssessmentItemKind),
            }}
          >
            <Button icon={<PlusOutlined />} style={{ marginTop: 12 }}>
              添加考评项
            </Button>
          </Dropdown>
        )}
      </Card>
      <BandsCard category={category} errorAt={errorAt} disabled={disabled} setBand={setBand} />
      <Card size="small" title="并列排序规则">
        <Select
          mode="multiple"
          aria-label="并列排序规则"
          style={{ width: "100%" }}
          disabled={disabled}
          value={category.tieBreaks}
          options={optionsOf(assessmentTieBreaks, assessmentTieBreakLabels)}
          onChange={(tieBreaks) => onChange({ ...category, tieBreaks })}
        />
        <Typography.Text type="secondary" style={{ display: "block", marginTop: 6 }}>
          总分相同时依次比较；仍相同按单位代码排序。
        </Typography.Text>
      </Card>
    </Flex>
  );
}

function BandsCard({
  category,
  errorAt,
  disabled,
  setBand,
}: {
  category: AssessmentCategory;
  errorAt: (path: string) => string | undefined;
  disabled: boolean;
  setBand: (index: number, band: Band) => void;
}) {
  return (
    <Card size="small" title="等次与比例">
      {errorAt("bands") && (
        <Alert type="error" showIcon title={errorAt("bands")} style={{ marginBottom: 12 }} />
      )}
      <Flex vertical gap={8}>
        {category.bands.map((band, i) => (
          <Flex key={band.grade} wrap gap={12} align="flex-start">
            <Typography.Text strong style={{ minWidth: 56, lineHeight: "32px" }}>
              {band.grade}
            </Typography.Text>
            <NumberField
              label="分数线 ≥"
              name={`${band.grade}分数线`}
              value={band.min}
              error={errorAt(`bands.${i}.min`)}
              disabled={disabled}
              onChange={(v) => setBand(i, { ...band, min: v ?? 0 })}
            />
            <NumberField
              label="比例上限"
              name={`${band.grade}比例上限`}
              value={band.quotaPercent}
              error={errorAt(`bands.${i}.quotaPercent`)}
              disabled={disabled}
              suffix="%"
              width={110}
              onChange={(v) => {
                const { quotaPercent: _, ...rest } = band;
                setBand(i, v === undefined ? rest : { ...rest, quotaPercent: v });
              }}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
