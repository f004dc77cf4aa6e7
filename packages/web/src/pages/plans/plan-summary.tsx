import type { PlanDetail } from "@duban/domain";
import { Collapse, Descriptions, Typography } from "antd";
import { formatDay } from "../../components/plan-format";

/** The plan's particulars (年度, 发文单位, 文号, 发布日期, what it holds) and its 总体要求 when it has one. */
export function PlanSummary({ plan }: { plan: PlanDetail }) {
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: "year", label: "年度", children: `${plan.year}年` },
          { key: "issuer", label: "发文单位", children: plan.issuer ?? "—" },
          { key: "doc", label: "文号", children: plan.docNumber ?? "—" },
          { key: "published", label: "发布日期", children: formatDay(plan.publishedAt) },
          {
            key: "counts",
            label: "内容",
            span: "filled",
            children: `${plan.sectionCount} 个部分 · ${plan.taskCount} 项任务 · ${plan.indicatorCount} 个指标 · ${plan.milestoneCount} 个节点`,
          },
        ]}
      />
      {plan.preamble && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: "preamble",
              label: "总体要求",
              children: (
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                  {plan.preamble}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
